package dev.storyvault.image;

/**
 * What to render: a box (either side may be 0 for "follow the aspect ratio"), how to fit it, the
 * output format and its quality (1-100).
 */
public record ImageRequest(int width, int height, Fit fit, ImageFormat format, int quality) {

  public static final int MAX_SIDE = 8192;

  public ImageRequest {
    if (width < 0 || height < 0 || width > MAX_SIDE || height > MAX_SIDE) {
      throw new IllegalArgumentException("width and height must be between 0 and " + MAX_SIDE);
    }
    if (width == 0 && height == 0)
      throw new IllegalArgumentException("width or height is required");
    if (quality < 1 || quality > 100)
      throw new IllegalArgumentException("quality must be between 1 and 100");
  }

  public Size target(int[] sourceSize) {
    return target(sourceSize[0], sourceSize[1]);
  }

  /** The output size for a source of this (upright) size: never larger than the source. */
  public Size target(int sourceWidth, int sourceHeight) {
    double scaleW = width == 0 ? Double.MAX_VALUE : (double) width / sourceWidth;
    double scaleH = height == 0 ? Double.MAX_VALUE : (double) height / sourceHeight;
    return switch (fit) {
      case CONTAIN -> scaled(sourceWidth, sourceHeight, Math.min(1, Math.min(scaleW, scaleH)));
      case COVER ->
          width == 0 || height == 0
              ? scaled(sourceWidth, sourceHeight, Math.min(1, Math.min(scaleW, scaleH)))
              : shrinkBox(width, height, sourceWidth, sourceHeight);
      case FILL ->
          new Size(
              width == 0 ? sourceWidth : Math.min(width, sourceWidth),
              height == 0 ? sourceHeight : Math.min(height, sourceHeight));
    };
  }

  /**
   * why: a cover box larger than the source keeps its aspect ratio but shrinks to fit inside the
   * source.
   */
  private static Size shrinkBox(int boxW, int boxH, int sourceW, int sourceH) {
    double shrink = Math.min(1, Math.min((double) sourceW / boxW, (double) sourceH / boxH));
    return new Size(
        Math.max(1, (int) Math.round(boxW * shrink)), Math.max(1, (int) Math.round(boxH * shrink)));
  }

  private static Size scaled(int w, int h, double scale) {
    return new Size(
        Math.max(1, (int) Math.round(w * scale)), Math.max(1, (int) Math.round(h * scale)));
  }

  public record Size(int width, int height) {}
}
