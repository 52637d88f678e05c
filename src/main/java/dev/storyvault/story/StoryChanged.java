package dev.storyvault.story;

import org.springframework.modulith.NamedInterface;

@NamedInterface("events")
public record StoryChanged(String storyId, String ownerId, int version) {}
