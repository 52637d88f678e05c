package dev.storyvault.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Real image files built for the tests: photos, EXIF-rotated shots, transparency, animation. */
public final class TestImages {

  public static final String SECRET = "GPS 51.5074N 0.1278W SECRET";

  private TestImages() {}

  /** A photo-like JPEG: gradients and noise, so encoders have real work. */
  public static byte[] aPhoto(int width, int height, long seed) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(seed);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int r = (x * 255 / width + random.nextInt(24)) & 0xFF;
        int g = (y * 255 / height + random.nextInt(24)) & 0xFF;
        int b = ((x + y) * 128 / (width + height) + random.nextInt(24)) & 0xFF;
        image.setRGB(x, y, r << 16 | g << 8 | b);
      }
    }
    return write(image, "jpeg");
  }

  /**
   * A 300x200 JPEG, red on the left and blue on the right, with EXIF orientation and a GPS-like
   * description.
   */
  public static byte[] aSidewaysJpeg(int orientation) {
    BufferedImage image = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.RED);
    g.fillRect(0, 0, 150, 200);
    g.setColor(Color.BLUE);
    g.fillRect(150, 0, 150, 200);
    g.dispose();
    byte[] jpeg = write(image, "jpeg");
    byte[] app1 = exifSegment(orientation);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2);
    out.writeBytes(app1);
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  /** A PNG whose left half is fully transparent and right half opaque green. */
  public static byte[] aHalfTransparentPng(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(0, 200, 0, 255));
    g.fillRect(width / 2, 0, width - width / 2, height);
    g.dispose();
    return write(image, "png");
  }

  /** Two 64x48 frames: red, then blue. */
  public static byte[] anAnimatedGif() {
    try {
      ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
        writer.setOutput(out);
        writer.prepareWriteSequence(null);
        for (Color colour : new Color[] {Color.RED, Color.BLUE}) {
          BufferedImage frame = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
          Graphics2D g = frame.createGraphics();
          g.setColor(colour);
          g.fillRect(0, 0, 64, 48);
          g.dispose();
          IIOMetadata metadata =
              writer.getDefaultImageMetadata(
                  ImageTypeSpecifier.createFromRenderedImage(frame), null);
          writer.writeToSequence(new IIOImage(frame, null, metadata), null);
        }
        writer.endWriteSequence();
      }
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] resource(String name) {
    try (InputStream in = TestImages.class.getResourceAsStream("/images/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static BufferedImage decode(byte[] bytes) {
    try {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
      if (image == null) throw new AssertionError("not a decodable image");
      return image;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Color colourAt(BufferedImage image, int x, int y) {
    return new Color(image.getRGB(x, y), true);
  }

  public static int brightness(Color c) {
    return (c.getRed() + c.getGreen() + c.getBlue()) / 3;
  }

  private static byte[] write(BufferedImage image, String format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, format, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * APP1 "Exif" with a big-endian TIFF: IFD0 = orientation, image description, and a GPS IFD
   * pointer.
   */
  private static byte[] exifSegment(int orientation) {
    byte[] description = (SECRET + "\0").getBytes(StandardCharsets.US_ASCII);
    int ifdOffset = 8;
    int entries = 3;
    int dataOffset = ifdOffset + 2 + entries * 12 + 4;
    int gpsOffset = dataOffset + description.length;
    ByteBuffer tiff = ByteBuffer.allocate(gpsOffset + 2 + 12 + 4);
    tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(ifdOffset);
    tiff.putShort((short) entries);
    tiff.putShort((short) 0x010E).putShort((short) 2).putInt(description.length).putInt(dataOffset);
    tiff.putShort((short) 0x0112)
        .putShort((short) 3)
        .putInt(1)
        .putShort((short) orientation)
        .putShort((short) 0);
    tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(gpsOffset);
    tiff.putInt(0);
    tiff.put(description);
    tiff.putShort((short) 1);
    tiff.putShort((short) 0x0001)
        .putShort((short) 2)
        .putInt(2)
        .put((byte) 'N')
        .put((byte) 0)
        .putShort((short) 0);
    tiff.putInt(0);
    byte[] body = tiff.array();
    ByteBuffer segment = ByteBuffer.allocate(4 + 6 + body.length);
    segment.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (2 + 6 + body.length));
    segment.put("Exif".getBytes(StandardCharsets.US_ASCII)).put((byte) 0).put((byte) 0).put(body);
    return segment.array();
  }
}
