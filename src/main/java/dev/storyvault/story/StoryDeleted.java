package dev.storyvault.story;

import org.springframework.modulith.NamedInterface;

@NamedInterface("events")
public record StoryDeleted(String storyId, String ownerId) {}
