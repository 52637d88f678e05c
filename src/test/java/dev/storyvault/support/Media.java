package dev.storyvault.support;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/** Real media made on the spot: test builders for uploads, good and hostile. */
public final class Media {

  private static final Random RANDOM = new Random();

  private Media() {}

  public static byte[] aPng(int width, int height) {
    return image("png", width, height, BufferedImage.TYPE_INT_ARGB);
  }

  public static byte[] aJpeg(int width, int height) {
    return image("jpg", width, height, BufferedImage.TYPE_INT_RGB);
  }

  public static byte[] aGif(int width, int height) {
    return image("gif", width, height, BufferedImage.TYPE_INT_RGB);
  }

  /** A PNG no other test made: a random colour and a random pixel. */
  public static byte[] aUniquePng() {
    BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
    for (int i = 0; i < 8; i++)
      image.setRGB(RANDOM.nextInt(16), RANDOM.nextInt(16), RANDOM.nextInt());
    return encode(image, "png");
  }

  /** A 16-bit PCM mono WAV of a 440 Hz tone. */
  public static byte[] aWav(double seconds) {
    float rate = 8000;
    int frames = (int) (rate * seconds);
    byte[] pcm = new byte[frames * 2];
    for (int i = 0; i < frames; i++) {
      short sample = (short) (Math.sin(2 * Math.PI * 440 * i / rate) * 8000);
      pcm[2 * i] = (byte) sample;
      pcm[2 * i + 1] = (byte) (sample >> 8);
    }
    AudioFormat format = new AudioFormat(rate, 16, 1, true, false);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (AudioInputStream in =
        new AudioInputStream(new java.io.ByteArrayInputStream(pcm), format, frames)) {
      AudioSystem.write(in, AudioFileFormat.Type.WAVE, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A few hundred bytes announcing a width × height PNG: the classic decompression bomb header. */
  public static byte[] aPngHeaderClaiming(int width, int height) {
    ByteBuffer ihdr =
        ByteBuffer.allocate(13)
            .putInt(width)
            .putInt(height)
            .put((byte) 8)
            .put((byte) 2)
            .put((byte) 0)
            .put((byte) 0)
            .put((byte) 0);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
    out.writeBytes(chunk("IHDR", ihdr.array()));
    out.writeBytes(
        chunk("IDAT", new byte[] {0x78, (byte) 0x9c, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01}));
    out.writeBytes(chunk("IEND", new byte[0]));
    return out.toByteArray();
  }

  /** A lossless WebP header (VP8L) of the given size; enough for sniffing and dimension reading. */
  public static byte[] aWebpHeader(int width, int height) {
    ByteBuffer b = ByteBuffer.allocate(30).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes(StandardCharsets.US_ASCII))
        .putInt(22)
        .put("WEBP".getBytes(StandardCharsets.US_ASCII));
    b.put("VP8L".getBytes(StandardCharsets.US_ASCII)).putInt(10).put((byte) 0x2f);
    int bits = (width - 1) | ((height - 1) << 14);
    b.putInt(bits);
    return b.array();
  }

  public static byte[] deepJson(int depth) {
    return ("[".repeat(depth) + "]".repeat(depth)).getBytes(StandardCharsets.US_ASCII);
  }

  public static byte[] json(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] chunk(String type, byte[] data) {
    ByteBuffer b = ByteBuffer.allocate(12 + data.length);
    byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    b.putInt(data.length).put(typeBytes).put(data).putInt((int) crc.getValue());
    return b.array();
  }

  private static byte[] image(String format, int width, int height, int type) {
    BufferedImage image = new BufferedImage(width, height, type);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(30, 120, 200));
    g.fillRect(0, 0, width, height);
    g.setColor(Color.ORANGE);
    g.fillOval(width / 4, height / 4, width / 2, height / 2);
    g.dispose();
    return encode(image, format);
  }

  private static byte[] encode(BufferedImage image, String format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, format, out))
        throw new IllegalStateException("No writer for " + format);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
