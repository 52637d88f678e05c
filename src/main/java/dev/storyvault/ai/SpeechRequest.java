package dev.storyvault.ai;

/** What to say and in which voice (provider-specific name; blank for the default). */
public record SpeechRequest(String text, String voice) {}
