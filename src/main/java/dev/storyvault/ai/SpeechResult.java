package dev.storyvault.ai;

/** Audio as bytes, its type and file extension, and how long it plays. */
public record SpeechResult(byte[] bytes, String mimeType, String extension, long durationMs) {}
