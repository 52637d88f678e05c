package dev.storyvault.story;

public record StoryCreated(String storyId, String ownerId) {}
