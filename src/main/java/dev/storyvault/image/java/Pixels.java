package dev.storyvault.image.java;

import dev.storyvault.image.Fit;
import dev.storyvault.image.ImageRequest;
import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** Orientation, scaling and cropping on decoded pixels. */
final class Pixels {

  private Pixels() {}

  /** Turns the image upright according to EXIF orientation 1-8 (2-8 mirror and/or rotate). */
  static BufferedImage upright(BufferedImage image, int orientation) {
    if (orientation <= 1 || orientation > 8) return image;
    int w = image.getWidth();
    int h = image.getHeight();
    boolean swap = orientation >= 5;
    boolean alpha = image.getColorModel().hasAlpha();
    BufferedImage out = canvas(swap ? h : w, swap ? w : h, alpha);
    int[] row = new int[w];
    for (int y = 0; y < h; y++) {
      image.getRGB(0, y, w, 1, row, 0, w);
      for (int x = 0; x < w; x++) {
        int[] to = destination(orientation, x, y, w, h);
        out.setRGB(to[0], to[1], row[x]);
      }
    }
    return out;
  }

  private static int[] destination(int orientation, int x, int y, int w, int h) {
    return switch (orientation) {
      case 2 -> new int[] {w - 1 - x, y};
      case 3 -> new int[] {w - 1 - x, h - 1 - y};
      case 4 -> new int[] {x, h - 1 - y};
      case 5 -> new int[] {y, x};
      case 6 -> new int[] {h - 1 - y, x};
      case 7 -> new int[] {h - 1 - y, w - 1 - x};
      default -> new int[] {y, w - 1 - x};
    };
  }

  /** Scales (and for cover, crops) to the request's target; never enlarges. */
  static BufferedImage fit(BufferedImage image, ImageRequest request, boolean keepAlpha) {
    ImageRequest.Size target = request.target(image.getWidth(), image.getHeight());
    int scaledW = target.width();
    int scaledH = target.height();
    if (request.fit() == Fit.COVER) {
      double scale =
          Math.max(
              (double) target.width() / image.getWidth(),
              (double) target.height() / image.getHeight());
      scaledW = Math.max(target.width(), (int) Math.round(image.getWidth() * scale));
      scaledH = Math.max(target.height(), (int) Math.round(image.getHeight() * scale));
    }
    BufferedImage scaled = shrink(image, scaledW, scaledH);
    int x = (scaledW - target.width()) / 2;
    int y = (scaledH - target.height()) / 2;
    BufferedImage out = canvas(target.width(), target.height(), keepAlpha);
    Graphics2D g = out.createGraphics();
    if (!keepAlpha) {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, target.width(), target.height());
    }
    g.setComposite(AlphaComposite.SrcOver);
    g.drawImage(scaled, -x, -y, null);
    g.dispose();
    return out;
  }

  /** why halving steps: one bilinear step from far larger skips source pixels and looks jagged. */
  private static BufferedImage shrink(BufferedImage image, int width, int height) {
    BufferedImage current = image;
    while (current.getWidth() / 2 >= width && current.getHeight() / 2 >= height) {
      current = draw(current, current.getWidth() / 2, current.getHeight() / 2);
    }
    if (current.getWidth() == width && current.getHeight() == height) return current;
    return draw(current, width, height);
  }

  private static BufferedImage draw(BufferedImage image, int width, int height) {
    BufferedImage out = canvas(width, height, image.getColorModel().hasAlpha());
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    g.drawImage(image, 0, 0, width, height, null);
    g.dispose();
    return out;
  }

  static BufferedImage canvas(int width, int height, boolean alpha) {
    return new BufferedImage(
        width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
  }
}
