package dev.storyvault.story;

import org.springframework.modulith.NamedInterface;

/** Published when a person (not a service) opens a story; their reading history records it. */
@NamedInterface("events")
public record StoryOpened(String storyId, String userId, long openedAtMillis) {}
