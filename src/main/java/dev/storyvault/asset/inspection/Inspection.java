package dev.storyvault.asset.inspection;

import dev.storyvault.asset.MediaFormat;

/**
 * What the content of an upload turned out to be. Width and height for images, duration for media.
 */
public record Inspection(MediaFormat format, Integer width, Integer height, Long durationMs) {}
