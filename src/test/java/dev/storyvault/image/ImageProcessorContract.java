package dev.storyvault.image;

import static dev.storyvault.image.TestImages.brightness;
import static dev.storyvault.image.TestImages.colourAt;
import static dev.storyvault.image.TestImages.decode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storyvault.support.Media;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ImageProcessor} must do, checked by decoding its output. */
public abstract class ImageProcessorContract {

  protected static final long MAX_PIXELS = 50_000_000L;
  private static final byte[] PHOTO = TestImages.aPhoto(1200, 800, 7);

  protected ImageProcessor processor;

  protected abstract ImageProcessor createProcessor();

  @BeforeEach
  void setUp() {
    processor = createProcessor();
  }

  private Rendered render(byte[] source, int w, int h, Fit fit, ImageFormat format) {
    return processor.render(source, new ImageRequest(w, h, fit, format, 80));
  }

  @Test
  void makesA256PixelWebpThumbnailOfAPhoto() {
    Rendered thumb = render(PHOTO, 256, 256, Fit.CONTAIN, ImageFormat.WEBP);
    BufferedImage decoded = decode(thumb.bytes());
    assertThat(decoded.getWidth()).isEqualTo(256);
    assertThat(decoded.getHeight()).isBetween(170, 171);
    assertThat(thumb.width()).isEqualTo(decoded.getWidth());
    assertThat(new String(thumb.bytes(), 8, 4, StandardCharsets.US_ASCII)).isEqualTo("WEBP");
    assertThat(thumb.bytes().length).isLessThan(PHOTO.length / 5);
  }

  @Test
  void coverFillsTheExactBoxAndFillStretches() {
    BufferedImage cover = decode(render(PHOTO, 200, 200, Fit.COVER, ImageFormat.PNG).bytes());
    assertThat(List.of(cover.getWidth(), cover.getHeight())).containsExactly(200, 200);
    BufferedImage fill = decode(render(PHOTO, 100, 300, Fit.FILL, ImageFormat.JPEG).bytes());
    assertThat(List.of(fill.getWidth(), fill.getHeight())).containsExactly(100, 300);
  }

  @Test
  void neverEnlargesTheSource() {
    BufferedImage big = decode(render(PHOTO, 4000, 0, Fit.CONTAIN, ImageFormat.JPEG).bytes());
    assertThat(List.of(big.getWidth(), big.getHeight())).containsExactly(1200, 800);
  }

  @Test
  void turnsExifRotatedPhotosUpright() {
    BufferedImage upright =
        decode(
            render(TestImages.aSidewaysJpeg(6), 1000, 1000, Fit.CONTAIN, ImageFormat.PNG).bytes());
    assertThat(List.of(upright.getWidth(), upright.getHeight())).containsExactly(200, 300);
    assertThat(colourAt(upright, 100, 40).getRed()).isGreaterThan(200);
    assertThat(colourAt(upright, 100, 260).getBlue()).isGreaterThan(200);
  }

  @Test
  void stripsGpsAndEveryOtherMetadataFromEveryFormat() {
    byte[] source = TestImages.aSidewaysJpeg(1);
    assertThat(contains(source, TestImages.SECRET)).isTrue();
    for (ImageFormat format : List.of(ImageFormat.JPEG, ImageFormat.PNG, ImageFormat.WEBP)) {
      byte[] out = render(source, 120, 0, Fit.CONTAIN, format).bytes();
      assertThat(contains(out, "SECRET")).as(format.name()).isFalse();
      assertThat(contains(out, "Exif")).as(format.name()).isFalse();
    }
  }

  @Test
  void convertsCmykJpegsToRgbWithoutInvertingThem() {
    BufferedImage out =
        decode(
            render(TestImages.resource("cmyk.jpg"), 160, 0, Fit.CONTAIN, ImageFormat.PNG).bytes());
    assertThat(out.getColorModel().getNumColorComponents()).isEqualTo(3);
    assertThat(brightness(colourAt(out, 150, 60)))
        .isGreaterThan(brightness(colourAt(out, 10, 60)) + 60);
  }

  @Test
  void readsSixteenBitPngs() {
    BufferedImage out =
        decode(
            render(TestImages.resource("rgb16.png"), 80, 0, Fit.CONTAIN, ImageFormat.JPEG).bytes());
    assertThat(out.getWidth()).isEqualTo(80);
    assertThat(out.getColorModel().getComponentSize(0)).isEqualTo(8);
    assertThat(brightness(colourAt(out, 75, 30)))
        .isGreaterThan(brightness(colourAt(out, 5, 30)) + 60);
  }

  @Test
  void takesTheFirstFrameOfAnAnimatedGif() {
    BufferedImage out =
        decode(render(TestImages.anAnimatedGif(), 32, 0, Fit.CONTAIN, ImageFormat.PNG).bytes());
    Color c = colourAt(out, 16, 12);
    assertThat(c.getRed()).isGreaterThan(200);
    assertThat(c.getBlue()).isLessThan(60);
  }

  @Test
  void keepsTransparencyWhereTheFormatHasItAndPutsItOnWhiteWhereNot() {
    byte[] source = TestImages.aHalfTransparentPng(200, 100);
    for (ImageFormat format : List.of(ImageFormat.PNG, ImageFormat.WEBP)) {
      BufferedImage out = decode(render(source, 100, 0, Fit.CONTAIN, format).bytes());
      assertThat(colourAt(out, 10, 25).getAlpha()).as(format.name()).isLessThan(20);
      assertThat(colourAt(out, 90, 25).getAlpha()).as(format.name()).isGreaterThan(235);
    }
    BufferedImage jpeg = decode(render(source, 100, 0, Fit.CONTAIN, ImageFormat.JPEG).bytes());
    assertThat(brightness(colourAt(jpeg, 10, 25))).isGreaterThan(240);
    assertThat(colourAt(jpeg, 90, 25).getGreen()).isGreaterThan(150);
  }

  @Test
  void refusesPixelBombsBeforeDecoding() {
    assertThatThrownBy(
            () ->
                render(
                    Media.aPngHeaderClaiming(100_000, 100_000),
                    256,
                    256,
                    Fit.CONTAIN,
                    ImageFormat.WEBP))
        .isInstanceOfSatisfying(
            ImageRejected.class, e -> assertThat(e.reason()).isEqualTo("too-many-pixels"));
  }

  @Test
  void refusesTruncatedImagesRatherThanRenderingHalfOfThem() {
    byte[] png = Media.aPng(400, 300);
    for (byte[] cut :
        List.of(Arrays.copyOf(PHOTO, PHOTO.length / 2), Arrays.copyOf(png, png.length - 20))) {
      assertThatThrownBy(() -> render(cut, 100, 0, Fit.CONTAIN, ImageFormat.WEBP))
          .isInstanceOf(ImageRejected.class);
    }
  }

  @Test
  void refusesBytesThatAreNotAnImage() {
    byte[] garbage = "this is not an image at all, just text".getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> render(garbage, 100, 0, Fit.CONTAIN, ImageFormat.PNG))
        .isInstanceOfSatisfying(
            ImageRejected.class, e -> assertThat(e.reason()).isEqualTo("unreadable"));
  }

  @Test
  void writesAvifWhereItHasAnEncoderAndSaysSoWhereNot() {
    if (!processor.canWrite(ImageFormat.AVIF)) {
      assertThatThrownBy(() -> render(PHOTO, 256, 0, Fit.CONTAIN, ImageFormat.AVIF))
          .isInstanceOfSatisfying(
              ImageRejected.class, e -> assertThat(e.reason()).isEqualTo("unsupported-output"));
      return;
    }
    Rendered avif = render(PHOTO, 256, 0, Fit.CONTAIN, ImageFormat.AVIF);
    assertThat(new String(avif.bytes(), 4, 8, StandardCharsets.US_ASCII)).isEqualTo("ftypavif");
    BufferedImage back =
        decode(render(avif.bytes(), 1000, 0, Fit.CONTAIN, ImageFormat.PNG).bytes());
    assertThat(back.getWidth()).isEqualTo(256);
  }

  @Test
  void rendersConcurrentlyWithTheSameResult() throws Exception {
    try (var pool = Executors.newFixedThreadPool(8)) {
      List<Future<Rendered>> results =
          IntStream.range(0, 16)
              .mapToObj(
                  i -> pool.submit(() -> render(PHOTO, 256, 256, Fit.COVER, ImageFormat.WEBP)))
              .toList();
      byte[] first = results.getFirst().get().bytes();
      for (Future<Rendered> result : results) {
        assertThat(result.get().bytes()).isEqualTo(first);
      }
    }
  }

  private static boolean contains(byte[] haystack, String needle) {
    return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
  }
}
