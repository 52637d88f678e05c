package dev.storyvault.image;

/**
 * Decodes an uploaded image and renders it to a size and format. Two implementations pass {@code
 * ImageProcessorContract}: pure Java (always there) and libvips through FFM (when installed).
 *
 * <p>Every implementation applies EXIF orientation, writes no metadata (GPS, camera, comments),
 * converts CMYK and 16-bit sources to 8-bit sRGB, takes the first frame of animations, keeps
 * transparency where the output format has it and puts it on white where it does not. It checks the
 * pixel count from the header before decoding and rejects truncated sources rather than rendering
 * half an image.
 */
public interface ImageProcessor {

  /** "vips" or "java": shown in metrics and the asset document. */
  String name();

  boolean canWrite(ImageFormat format);

  Rendered render(byte[] source, ImageRequest request);
}
