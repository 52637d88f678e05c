package dev.storyvault.ai;

import java.time.Duration;

/**
 * How the router treats one provider: order ({@code priority}, lower first), share ({@code
 * weight}), price (per 1K tokens, per image, per 1K characters of speech), its own time limit per
 * call and how many calls it takes at once.
 */
public record ProviderSettings(
    String id,
    int priority,
    double weight,
    double pricePer1kTokens,
    double pricePerImage,
    double pricePer1kCharacters,
    Duration timeout,
    int maxConcurrent) {

  public static ProviderSettings of(String id, int priority) {
    return new ProviderSettings(id, priority, 1, 0, 0, 0, Duration.ofSeconds(60), 8);
  }

  public ProviderSettings withPrices(double per1kTokens, double perImage, double per1kCharacters) {
    return new ProviderSettings(
        id, priority, weight, per1kTokens, perImage, per1kCharacters, timeout, maxConcurrent);
  }

  public ProviderSettings withTimeout(Duration limit) {
    return new ProviderSettings(
        id,
        priority,
        weight,
        pricePer1kTokens,
        pricePerImage,
        pricePer1kCharacters,
        limit,
        maxConcurrent);
  }

  public ProviderSettings withWeight(double share) {
    return new ProviderSettings(
        id,
        priority,
        share,
        pricePer1kTokens,
        pricePerImage,
        pricePer1kCharacters,
        timeout,
        maxConcurrent);
  }

  public ProviderSettings withMaxConcurrent(int calls) {
    return new ProviderSettings(
        id,
        priority,
        weight,
        pricePer1kTokens,
        pricePerImage,
        pricePer1kCharacters,
        timeout,
        calls);
  }

  /** The price the cheapest strategy compares for this modality. */
  public double unitPrice(Modality modality) {
    return switch (modality) {
      case TEXT -> pricePer1kTokens;
      case IMAGE -> pricePerImage;
      case SPEECH -> pricePer1kCharacters;
    };
  }
}
