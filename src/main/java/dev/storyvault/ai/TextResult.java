package dev.storyvault.ai;

/** Text made, and what it used. */
public record TextResult(String text, int promptTokens, int completionTokens) {

  public int tokens() {
    return promptTokens + completionTokens;
  }
}
