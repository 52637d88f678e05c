package dev.storyvault.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every text provider does: answers, counts tokens, and streams the same text it answers
 * whole.
 */
abstract class TextProviderContract {

  abstract TextProvider provider();

  private final TextRequest request =
      new TextRequest(List.of(new TextRequest.Message("user", "A dragon who bakes")), 256, 3, null);

  @Test
  void answersWithTextAndTokenCounts() {
    TextResult result = provider().complete(request, Duration.ofSeconds(10));
    assertThat(result.text()).isNotBlank();
    assertThat(result.completionTokens()).isPositive();
    assertThat(result.promptTokens()).isPositive();
  }

  @Test
  void streamsTokensThatMakeUpTheWholeText() {
    List<String> tokens = new ArrayList<>();
    TextResult result = provider().stream(request, Duration.ofSeconds(10), tokens::add);
    assertThat(tokens).isNotEmpty();
    assertThat(String.join("", tokens)).isEqualTo(result.text());
  }
}
