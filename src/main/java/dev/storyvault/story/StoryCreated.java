package dev.storyvault.story;

import org.springframework.modulith.NamedInterface;

@NamedInterface("events")
public record StoryCreated(String storyId, String ownerId) {}
