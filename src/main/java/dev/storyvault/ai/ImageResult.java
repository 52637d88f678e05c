package dev.storyvault.ai;

/** An image as bytes, with its type. */
public record ImageResult(byte[] bytes, String mimeType) {}
