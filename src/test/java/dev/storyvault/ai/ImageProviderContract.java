package dev.storyvault.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** What every image provider does: returns an image that decodes. */
abstract class ImageProviderContract {

  abstract ImageProvider provider();

  @Test
  void returnsAnImageThatDecodes() throws Exception {
    ImageResult result =
        provider()
            .generate(
                new ImageRequest("A dragon", List.of("Dragon"), "a bakery", 256, 256, null, 1),
                Duration.ofSeconds(10));
    assertThat(result.mimeType()).startsWith("image/");
    assertThat(ImageIO.read(new ByteArrayInputStream(result.bytes()))).isNotNull();
  }
}
