package dev.storyvault.ai;

import dev.storyvault.ai.offline.EspeakNarrator;
import dev.storyvault.ai.offline.OfflineIllustrator;
import dev.storyvault.ai.offline.OfflineWriter;
import dev.storyvault.ai.openai.OpenAiCompatible;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;

/**
 * Every provider kind against its modality's contract (the OpenAI-compatible one over real HTTP).
 */
class ProviderContractsTest {

  static final FakeOpenAi SERVER = new FakeOpenAi("A dragon bakes bread for the whole village.");

  static OpenAiCompatible openAi() {
    return new OpenAiCompatible(
        ProviderSettings.of("openai", 1),
        SERVER.url(),
        "m",
        "k",
        Set.of(Modality.TEXT, Modality.IMAGE, Modality.SPEECH),
        OpenAiCompatible.Limits.defaults(),
        OpenAiCompatible.defaultClient());
  }

  @AfterAll
  static void stop() {
    SERVER.close();
  }

  @Nested
  class OfflineText extends TextProviderContract {
    TextProvider provider() {
      return new OfflineWriter(ProviderSettings.of("offline", 1));
    }
  }

  @Nested
  class OpenAiText extends TextProviderContract {
    TextProvider provider() {
      return openAi();
    }
  }

  @Nested
  class OfflineImage extends ImageProviderContract {
    ImageProvider provider() {
      return new OfflineIllustrator(ProviderSettings.of("offline", 1));
    }
  }

  @Nested
  class OpenAiImage extends ImageProviderContract {
    ImageProvider provider() {
      return openAi();
    }
  }

  @Nested
  class OfflineSpeech extends SpeechProviderContract {
    SpeechProvider provider() {
      return new EspeakNarrator(
          ProviderSettings.of("offline", 1), Path.of(System.getProperty("java.io.tmpdir")));
    }
  }

  @Nested
  class OpenAiSpeech extends SpeechProviderContract {
    SpeechProvider provider() {
      return openAi();
    }
  }
}
