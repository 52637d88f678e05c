package dev.storyvault.ai;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code storyvault.ai.*}: the offline providers (on by default), the OpenAI-compatible providers
 * the operator configures, each modality's routing strategy, and the limits on what callers send
 * and what providers send back. Provider URLs and keys come from here only, never from a request.
 */
@ConfigurationProperties("storyvault.ai")
public record AiProperties(
    @DefaultValue Offline offline,
    List<Provider> providers,
    @DefaultValue Map<String, String> strategy,
    @DefaultValue("PT120S") Duration deadline,
    @DefaultValue Limits limits) {

  /** Offline providers: text templates, Java2D illustrations, espeak-ng narration. */
  public record Offline(
      @DefaultValue("true") boolean enabled, @DefaultValue("1000") int priority) {}

  /**
   * One OpenAI-compatible provider. {@code apiKeyEnv} names the environment variable holding its
   * key ({@code apiKey} may be set directly, e.g. by {@code STORYVAULT_AI_PROVIDERS_0_APIKEY}).
   */
  public record Provider(
      String id,
      String baseUrl,
      String model,
      @DefaultValue("") String apiKeyEnv,
      @DefaultValue("") String apiKey,
      @DefaultValue("text") List<String> modalities,
      @DefaultValue("100") int priority,
      @DefaultValue("1") double weight,
      @DefaultValue("0") double pricePer1kTokens,
      @DefaultValue("0") double pricePerImage,
      @DefaultValue("0") double pricePer1kCharacters,
      @DefaultValue("PT60S") Duration timeout,
      @DefaultValue("8") int maxConcurrent) {

    String key() {
      if (apiKey != null && !apiKey.isBlank()) return apiKey;
      return apiKeyEnv == null || apiKeyEnv.isBlank()
          ? ""
          : System.getenv().getOrDefault(apiKeyEnv, "");
    }
  }

  /** What a caller may send, and what a provider may send back. */
  public record Limits(
      @DefaultValue("20000") int maxPromptCharacters,
      @DefaultValue("4096") int maxTokens,
      @DefaultValue("5000") int maxSpeechCharacters,
      @DefaultValue("2048") int maxImageSide,
      @DefaultValue("2MB") org.springframework.util.unit.DataSize maxTextAnswer,
      @DefaultValue("32MB") org.springframework.util.unit.DataSize maxImageAnswer,
      @DefaultValue("64MB") org.springframework.util.unit.DataSize maxSpeechAnswer) {}

  public AiProperties {
    providers = providers == null ? List.of() : List.copyOf(providers);
  }

  RoutingStrategy strategyFor(Modality modality) {
    String value = strategy == null ? null : strategy.get(modality.wireName());
    return value == null || value.isBlank()
        ? RoutingStrategy.PRIORITY
        : RoutingStrategy.parse(value);
  }
}
