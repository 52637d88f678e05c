package dev.storyvault.story;

public record StoryDeleted(String storyId, String ownerId) {}
