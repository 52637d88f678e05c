package dev.storyvault.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What every speech provider does: returns audio with its type and extension, or says up front it
 * cannot.
 */
abstract class SpeechProviderContract {

  abstract SpeechProvider provider();

  @Test
  void returnsAudioWithItsTypeAndExtension() {
    assumeTrue(
        provider().available() || "true".equals(System.getenv("CI")), "no speech engine here");
    SpeechResult result =
        provider().speak(new SpeechRequest("Hello there.", null), Duration.ofSeconds(10));
    assertThat(result.bytes()).isNotEmpty();
    assertThat(result.mimeType()).startsWith("audio/");
    assertThat(result.extension()).matches("mp3|wav");
  }
}
