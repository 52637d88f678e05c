package dev.storyvault.ai;

import java.util.List;

/**
 * A text request: chat messages, a token budget, a seed (same seed, same text where the provider
 * allows), and optionally the story it is about, which offline providers follow exactly and HTTP
 * providers receive as part of the prompt.
 */
public record TextRequest(List<Message> messages, int maxTokens, long seed, StoryBrief story) {

  public record Message(String role, String content) {}

  public int characters() {
    return messages.stream().mapToInt(m -> m.content().length()).sum();
  }
}
