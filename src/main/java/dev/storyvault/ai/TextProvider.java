package dev.storyvault.ai;

import java.time.Duration;
import java.util.function.Consumer;

/** Messages in, text out; optionally token by token. */
public interface TextProvider extends AiProvider {

  TextResult complete(TextRequest request, Duration timeout);

  /** Streams the text as it is made; the default makes it whole and hands it over once. */
  default TextResult stream(TextRequest request, Duration timeout, Consumer<String> onToken) {
    TextResult result = complete(request, timeout);
    onToken.accept(result.text());
    return result;
  }
}
