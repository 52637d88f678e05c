package dev.storyvault.image;

/** An encoded image, with the size of what was encoded. */
public record Rendered(byte[] bytes, ImageFormat format, int width, int height) {}
