package dev.storyvault.ai;

import java.util.List;

/** Every provider was tried, skipped or out of time; {@code last} is the last failure, if any. */
public final class NoProviderLeft extends RuntimeException {

  private final ProviderFailure last;
  private final List<String> tried;

  NoProviderLeft(Modality modality, ProviderFailure last, List<String> tried) {
    super(
        "No "
            + modality.wireName()
            + " provider could answer (tried: "
            + String.join(", ", tried)
            + ")",
        null,
        false,
        false);
    this.last = last;
    this.tried = List.copyOf(tried);
  }

  public ProviderFailure last() {
    return last;
  }

  public List<String> tried() {
    return tried;
  }
}
