package dev.storyvault.story;

public record StoryChanged(String storyId, String ownerId, int version) {}
