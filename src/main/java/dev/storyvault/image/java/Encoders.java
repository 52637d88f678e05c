package dev.storyvault.image.java;

import com.luciad.imageio.webp.WebPWriteParam;
import dev.storyvault.image.ImageFormat;
import dev.storyvault.image.ImageRejected;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Writes pixels only: no metadata is ever passed to a writer, so nothing of the source's EXIF
 * survives.
 */
final class Encoders {

  private Encoders() {}

  static byte[] encode(BufferedImage image, ImageFormat format, int quality) {
    ImageWriter writer = writer(format);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      writer.write(null, new IIOImage(image, null, null), param(writer, format, quality));
    } catch (IOException e) {
      throw new ImageRejected(
          "unreadable", "The image could not be encoded as " + format.wireName() + ".", e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  private static ImageWriter writer(ImageFormat format) {
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByMIMEType(format.mimeType());
    if (!writers.hasNext()) {
      throw new ImageRejected(
          "unsupported-output", "No " + format.wireName() + " encoder is installed.");
    }
    return writers.next();
  }

  private static ImageWriteParam param(ImageWriter writer, ImageFormat format, int quality) {
    return switch (format) {
      case WEBP -> {
        WebPWriteParam webp = new WebPWriteParam(Locale.ROOT);
        webp.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        webp.setCompressionType(webp.getCompressionTypes()[WebPWriteParam.LOSSY_COMPRESSION]);
        webp.setCompressionQuality(quality / 100f);
        yield webp;
      }
      case JPEG -> {
        ImageWriteParam jpeg = writer.getDefaultWriteParam();
        jpeg.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        jpeg.setCompressionQuality(quality / 100f);
        yield jpeg;
      }
      default -> writer.getDefaultWriteParam();
    };
  }
}
