package dev.storyvault.story;

/** One page of a story: its text and, optionally, an illustration and a narration. */
public record Page(int pageNumber, String text, String imageAssetId, String audioAssetId) {}
