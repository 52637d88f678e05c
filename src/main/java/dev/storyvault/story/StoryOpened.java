package dev.storyvault.story;

/** Published when a person (not a service) opens a story; their reading history records it. */
public record StoryOpened(String storyId, String userId, long openedAtMillis) {}
