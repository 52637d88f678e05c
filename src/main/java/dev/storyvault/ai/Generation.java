package dev.storyvault.ai;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/** Calls the routers and counts what was made: tokens, images, characters of speech, cost. */
@Component
public class Generation {

  private final AiRouters routers;
  private final MeterRegistry meters;

  Generation(AiRouters routers, MeterRegistry meters) {
    this.routers = routers;
    this.meters = meters;
  }

  public Routed<TextResult> text(TextRequest request, Duration budget, Consumer<String> onToken) {
    Routed<TextResult> routed =
        routers
            .text()
            .call(
                budget,
                (p, limit) ->
                    onToken == null
                        ? p.complete(request, limit)
                        : p.stream(request, limit, onToken),
                (p, r) -> r.tokens() / 1000.0 * p.settings().pricePer1kTokens());
    meters
        .counter("storyvault.ai.tokens", "provider", routed.provider())
        .increment(routed.result().tokens());
    return routed;
  }

  public Routed<ImageResult> image(ImageRequest request, Duration budget) {
    Routed<ImageResult> routed =
        routers
            .image()
            .call(
                budget,
                (p, limit) -> p.generate(request, limit),
                (p, r) -> p.settings().pricePerImage());
    meters.counter("storyvault.ai.images", "provider", routed.provider()).increment();
    return routed;
  }

  public Routed<SpeechResult> speech(SpeechRequest request, Duration budget) {
    Routed<SpeechResult> routed =
        routers
            .speech()
            .call(
                budget,
                (p, limit) -> p.speak(request, limit),
                (p, r) -> request.text().length() / 1000.0 * p.settings().pricePer1kCharacters());
    meters
        .counter("storyvault.ai.characters", "provider", routed.provider())
        .increment(request.text().length());
    return routed;
  }
}
