package dev.storyvault.ai.offline;

import dev.storyvault.ai.ImageProvider;
import dev.storyvault.ai.ImageRequest;
import dev.storyvault.ai.ImageResult;
import dev.storyvault.ai.ProviderFailure;
import dev.storyvault.ai.ProviderSettings;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Illustrations without a network, drawn with Java2D: a sky and ground coloured by the setting, and
 * each named character as a figure of its own shape and colour (both from its name), labelled. PNG
 * of the requested size. Same request, same bytes, so content-addressed storage keeps one copy.
 */
public final class OfflineIllustrator implements ImageProvider {

  public static final int MAX_SIDE = 4096;

  private final ProviderSettings settings;

  public OfflineIllustrator(ProviderSettings settings) {
    this.settings = settings;
  }

  @Override
  public ProviderSettings settings() {
    return settings;
  }

  @Override
  public ImageResult generate(ImageRequest request, Duration timeout) {
    if (request.width() < 16
        || request.height() < 16
        || request.width() > MAX_SIDE
        || request.height() > MAX_SIDE) {
      throw new ProviderFailure(
          ProviderFailure.Reason.REJECTED, "size must be 16 to " + MAX_SIDE + " pixels a side");
    }
    BufferedImage image =
        new BufferedImage(request.width(), request.height(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      Random random =
          new Random(request.seed() * 131 + String.valueOf(request.setting()).hashCode());
      scenery(g, request, random);
      List<String> cast =
          request.characters() == null || request.characters().isEmpty()
              ? List.of()
              : request.characters();
      for (int i = 0; i < cast.size(); i++)
        figure(g, cast.get(i), i, cast.size(), request.width(), request.height());
    } finally {
      g.dispose();
    }
    return new ImageResult(png(image), "image/png");
  }

  private static void scenery(Graphics2D g, ImageRequest r, Random random) {
    int w = r.width();
    int h = r.height();
    float hue = (String.valueOf(r.setting()).hashCode() & 0xffff) / 65535f;
    g.setPaint(
        new GradientPaint(
            0,
            0,
            Color.getHSBColor(hue, 0.45f, 0.95f),
            0,
            h * 0.7f,
            Color.getHSBColor(hue, 0.15f, 1f)));
    g.fillRect(0, 0, w, h);
    g.setColor(Color.getHSBColor((hue + 0.12f) % 1f, 0.2f, 1f));
    double sun = Math.min(w, h) * 0.12;
    g.fill(new Ellipse2D.Double(w * (0.1 + random.nextDouble() * 0.7), h * 0.08, sun, sun));
    Path2D ground = new Path2D.Double();
    ground.moveTo(0, h * 0.72);
    for (int x = 0; x <= 8; x++)
      ground.lineTo(w * x / 8.0, h * (0.68 + random.nextDouble() * 0.08));
    ground.lineTo(w, h);
    ground.lineTo(0, h);
    ground.closePath();
    g.setColor(Color.getHSBColor((hue + 0.33f) % 1f, 0.5f, 0.6f));
    g.fill(ground);
  }

  /**
   * A character: its body shape and colour come from its name, so the same name looks the same
   * everywhere.
   */
  private static void figure(Graphics2D g, String name, int index, int count, int w, int h) {
    int hash = name.toLowerCase(java.util.Locale.ROOT).hashCode();
    Color body = Color.getHSBColor((hash & 0xff) / 255f, 0.65f, 0.85f);
    double size = Math.min(w / (count + 1.0), h * 0.35);
    double cx = w * (index + 1.0) / (count + 1);
    double base = h * 0.8;
    double x = cx - size / 2;
    double y = base - size;
    g.setColor(body);
    switch (Math.floorMod(hash >> 8, 3)) {
      case 0 -> g.fill(new Ellipse2D.Double(x, y, size, size));
      case 1 -> g.fill(new RoundRectangle2D.Double(x, y, size, size, size / 3, size / 3));
      default -> {
        Path2D triangle = new Path2D.Double();
        triangle.moveTo(cx, y);
        triangle.lineTo(x + size, base);
        triangle.lineTo(x, base);
        triangle.closePath();
        g.fill(triangle);
      }
    }
    g.setColor(Color.WHITE);
    double eye = size / 7;
    g.fill(new Ellipse2D.Double(cx - size / 5 - eye / 2, y + size / 3, eye, eye));
    g.fill(new Ellipse2D.Double(cx + size / 5 - eye / 2, y + size / 3, eye, eye));
    g.setColor(Color.DARK_GRAY);
    g.setStroke(new BasicStroke((float) Math.max(1, size / 40)));
    g.drawArc(
        (int) (cx - size / 6), (int) (y + size / 2), (int) (size / 3), (int) (size / 6), 180, 180);
    label(g, name, cx, base, size);
  }

  private static void label(Graphics2D g, String name, double cx, double base, double size) {
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, (int) Math.max(8, size / 6)));
    int width = g.getFontMetrics().stringWidth(name);
    g.setColor(Color.BLACK);
    g.drawString(name, (float) (cx - width / 2.0), (float) (base + size / 5 + 2));
  }

  private static byte[] png(BufferedImage image) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
