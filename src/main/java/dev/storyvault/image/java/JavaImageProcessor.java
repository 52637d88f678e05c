package dev.storyvault.image.java;

import dev.storyvault.image.ImageFormat;
import dev.storyvault.image.ImageProcessor;
import dev.storyvault.image.ImageRejected;
import dev.storyvault.image.ImageRequest;
import dev.storyvault.image.Rendered;
import dev.storyvault.image.SourceChecks;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * The processor that always works: ImageIO with TwelveMonkeys' readers (CMYK JPEG, WebP) and
 * webp-imageio's encoder. No AVIF encoder exists for it.
 */
public class JavaImageProcessor implements ImageProcessor {

  static {
    ImageIO.setUseCache(false);
    ImageIO.scanForPlugins();
  }

  private final long maxPixels;

  public JavaImageProcessor(long maxPixels) {
    this.maxPixels = maxPixels;
  }

  @Override
  public String name() {
    return "java";
  }

  @Override
  public boolean canWrite(ImageFormat format) {
    return format != ImageFormat.AVIF;
  }

  @Override
  public Rendered render(byte[] source, ImageRequest request) {
    if (!canWrite(request.format())) {
      throw new ImageRejected(
          "unsupported-output", "This server has no " + request.format().wireName() + " encoder.");
    }
    SourceChecks.requireComplete(source);
    BufferedImage decoded = decode(source, request);
    BufferedImage upright = Pixels.upright(decoded, ExifOrientation.of(source));
    boolean keepAlpha = request.format() != ImageFormat.JPEG && upright.getColorModel().hasAlpha();
    BufferedImage fitted = Pixels.fit(upright, request, keepAlpha);
    return new Rendered(
        Encoders.encode(fitted, request.format(), request.quality()),
        request.format(),
        fitted.getWidth(),
        fitted.getHeight());
  }

  private BufferedImage decode(byte[] source, ImageRequest request) {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(source))) {
      ImageReader reader = reader(in);
      try {
        reader.setInput(in, true, true);
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        SourceChecks.requirePixelsWithin(width, height, maxPixels);
        ImageReadParam param = reader.getDefaultReadParam();
        int step = subsampling(width, height, request);
        param.setSourceSubsampling(step, step, 0, 0);
        List<String> warnings = new ArrayList<>();
        reader.addIIOReadWarningListener((r, warning) -> warnings.add(warning));
        BufferedImage image = reader.read(0, param);
        if (warnings.stream().anyMatch(JavaImageProcessor::meansDamage)) {
          throw new ImageRejected("unreadable", "The image is damaged: " + warnings.getFirst());
        }
        return image;
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof ImageRejected rejected) throw rejected;
      throw new ImageRejected("unreadable", "The image could not be decoded.", e);
    }
  }

  /**
   * why not every warning: "no embedded ICC profile" and the like are normal for real-world files.
   */
  private static boolean meansDamage(String warning) {
    String w = warning.toLowerCase(Locale.ROOT);
    return w.contains("premature")
        || w.contains("corrupt")
        || w.contains("truncat")
        || w.contains("end of");
  }

  private static ImageReader reader(ImageInputStream in) {
    if (in == null) throw new ImageRejected("unreadable", "The image could not be read.");
    Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
    if (!readers.hasNext())
      throw new ImageRejected("unreadable", "Not an image format this server decodes.");
    return readers.next();
  }

  /**
   * why: decoding every 4th pixel of a 6000 px photo for a 256 px thumbnail is 16x less work; keep
   * 2x headroom.
   */
  private static int subsampling(int width, int height, ImageRequest request) {
    int longSide = Math.max(width, height);
    int wanted = Math.max(request.width(), request.height());
    return Math.max(1, longSide / Math.max(1, wanted * 2));
  }
}
