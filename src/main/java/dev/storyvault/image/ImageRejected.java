package dev.storyvault.image;

/**
 * The source cannot be rendered: unreadable, truncated, too many pixels, or an output nobody here
 * can write.
 */
public class ImageRejected extends RuntimeException {

  private final String reason;

  public ImageRejected(String reason, String message) {
    super(message);
    this.reason = reason;
  }

  public ImageRejected(String reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  /**
   * A stable slug: {@code unreadable}, {@code truncated}, {@code too-many-pixels}, {@code
   * unsupported-output}.
   */
  public String reason() {
    return reason;
  }
}
