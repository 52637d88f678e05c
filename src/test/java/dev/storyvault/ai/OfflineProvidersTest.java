package dev.storyvault.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.storyvault.ai.offline.EspeakNarrator;
import dev.storyvault.ai.offline.OfflineIllustrator;
import dev.storyvault.ai.offline.OfflineWriter;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jaudiotagger.audio.AudioFileIO;
import org.junit.jupiter.api.Test;

/** The providers that work with no network: deterministic, decodable, and saying what was asked. */
class OfflineProvidersTest {

  private static final Duration LIMIT = Duration.ofSeconds(30);

  private final OfflineWriter writer = new OfflineWriter(ProviderSettings.of("offline-text", 1));
  private final OfflineIllustrator illustrator =
      new OfflineIllustrator(ProviderSettings.of("offline-illustrator", 1));

  @Test
  void aStoryHasItsTitleTheRequestedPagesAndEveryCharacter() {
    TextRequest request = story(List.of("goku", "woody", "Elsa"), 6, "3-5", 42);
    String text = writer.complete(request, LIMIT).text();
    String[] parts = text.split("\n\n");
    assertThat(parts).hasSize(1 + 6);
    assertThat(parts[0]).contains("Goku").contains("Woody").contains("Elsa");
    for (String name : List.of("Goku", "Woody", "Elsa")) assertThat(text).contains(name);
    assertThat(parts[6]).contains("sharing makes everyone happier");
    assertThat(writer.complete(request, LIMIT).text()).as("same inputs and seed").isEqualTo(text);
    assertThat(writer.complete(story(List.of("goku", "woody", "Elsa"), 6, "3-5", 43), LIMIT).text())
        .isNotEqualTo(text);
  }

  @Test
  void olderReadersGetLongerPages() {
    int little = writer.complete(story(List.of("Pip"), 4, "3-5", 1), LIMIT).text().length();
    int older = writer.complete(story(List.of("Pip"), 4, "9-12", 1), LIMIT).text().length();
    assertThat(older).isGreaterThan(little);
  }

  @Test
  void aContinuationFollowsTheBibleAndTheReadersWish() {
    StoryBrief brief =
        new StoryBrief(
            null,
            List.of(),
            List.of(),
            null,
            null,
            1,
            "6-8",
            Map.of("characters", List.of(Map.of("name", "goku"), Map.of("name", "woody"))),
            List.of("Goku and Woody found a map."),
            "They sail to the island of kites");
    String page = writer.complete(new TextRequest(List.of(), 256, 7, brief), LIMIT).text();
    assertThat(page)
        .contains("Goku")
        .contains("Woody")
        .contains("they sail to the island of kites");
  }

  @Test
  void anIllustrationDecodesAtTheRequestedSizeAndTheSameRequestGivesTheSameBytes()
      throws Exception {
    ImageRequest request =
        new ImageRequest(
            "Goku and Woody on the moon", List.of("Goku", "Woody"), "the moon", 640, 360, null, 5);
    byte[] png = illustrator.generate(request, LIMIT).bytes();
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image.getWidth()).isEqualTo(640);
    assertThat(image.getHeight()).isEqualTo(360);
    assertThat(illustrator.generate(request, LIMIT).bytes()).isEqualTo(png);
    ImageRequest other = new ImageRequest("Elsa", List.of("Elsa"), "the moon", 640, 360, null, 5);
    assertThat(illustrator.generate(other, LIMIT).bytes()).isNotEqualTo(png);
  }

  @Test
  void narrationPlaysAndLastsLongerForLongerText() throws Exception {
    EspeakNarrator narrator =
        new EspeakNarrator(
            ProviderSettings.of("offline-narrator", 1), Files.createTempDirectory("narration"));
    if (!"true".equals(System.getenv("CI")))
      assumeTrue(narrator.available(), "espeak-ng is not installed");
    assertThat(narrator.available()).as("CI installs espeak-ng").isTrue();
    SpeechResult shortOne = narrator.speak(new SpeechRequest("Once upon a time.", null), LIMIT);
    SpeechResult longOne =
        narrator.speak(
            new SpeechRequest(
                "Once upon a time, in a castle made of clouds, "
                    + "lived Goku and Woody, who found a glowing map and followed it to the sea.",
                "en-gb"),
            LIMIT);
    assertThat(playedMillis(longOne)).isGreaterThan(playedMillis(shortOne) + 1000);
    assertThat(Math.abs(playedMillis(longOne) - longOne.durationMs())).isLessThan(500);
  }

  private static long playedMillis(SpeechResult speech) throws Exception {
    Path file = Files.createTempFile("narration", "." + speech.extension());
    Files.write(file, speech.bytes());
    try {
      return (long)
          (AudioFileIO.read(file.toFile()).getAudioHeader().getPreciseTrackLength() * 1000);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static TextRequest story(List<String> characters, int pages, String age, long seed) {
    return new TextRequest(
        List.of(),
        2048,
        seed,
        new StoryBrief(
            null,
            List.of("Dragon Ball", "Toy Story"),
            characters,
            "friendship",
            "Sharing makes everyone happier",
            pages,
            age,
            null,
            null,
            null));
  }
}
