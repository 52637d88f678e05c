package dev.storyvault.image.vips;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.storyvault.image.Fit;
import dev.storyvault.image.ImageFormat;
import dev.storyvault.image.ImageProcessor;
import dev.storyvault.image.ImageRejected;
import dev.storyvault.image.ImageRequest;
import dev.storyvault.image.Rendered;
import dev.storyvault.image.SourceChecks;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.Optional;

/**
 * libvips through FFM: shrink-on-load thumbnails (JPEG DCT scaling, WebP scaled decode), colour
 * management for CMYK and 16-bit sources, and AVIF through libheif.
 */
public class VipsImageProcessor implements ImageProcessor {

  private static final List<String> METADATA_PREFIXES =
      java.util.List.of(
          "exif-", "xmp-", "iptc-", "icc-profile-", "gps", "png-comment", "gif-comment");

  private final Vips vips;
  private final long maxPixels;

  private VipsImageProcessor(Vips vips, long maxPixels) {
    this.vips = vips;
    this.maxPixels = maxPixels;
  }

  /** Empty when libvips is not installed (or cannot start) on this machine. */
  public static Optional<ImageProcessor> ifInstalled(long maxPixels) {
    return Vips.load().map(vips -> new VipsImageProcessor(vips, maxPixels));
  }

  @Override
  public String name() {
    return "vips";
  }

  @Override
  public boolean canWrite(ImageFormat format) {
    return true;
  }

  @Override
  public Rendered render(byte[] source, ImageRequest request) {
    SourceChecks.requireComplete(source);
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment buffer = arena.allocateFrom(JAVA_BYTE, source);
      ImageRequest.Size target = request.target(upright(buffer, arena));
      MemorySegment image = thumbnail(arena, buffer, target, request.fit());
      try {
        int width = (int) vips.width.invokeExact(image);
        int height = (int) vips.height.invokeExact(image);
        return new Rendered(encode(arena, image, request), request.format(), width, height);
      } finally {
        vips.unref.invokeExact(image);
      }
    } catch (ImageRejected rejected) {
      throw rejected;
    } catch (Throwable e) {
      throw new ImageRejected("unreadable", "The image could not be rendered.", e);
    }
  }

  /** The source's size as it will be shown (after EXIF rotation), read from the header alone. */
  private int[] upright(MemorySegment buffer, Arena arena) throws Throwable {
    MemorySegment header =
        (MemorySegment)
            vips.newFromBuffer.invokeExact(
                buffer, buffer.byteSize(), arena.allocateFrom(""), MemorySegment.NULL);
    if (header.equals(MemorySegment.NULL)) throw new ImageRejected("unreadable", vips.lastError());
    try {
      int width = (int) vips.width.invokeExact(header);
      int height = (int) vips.height.invokeExact(header);
      SourceChecks.requirePixelsWithin(width, height, maxPixels);
      MemorySegment orientation = arena.allocate(JAVA_INT);
      int missing =
          (int) vips.getInt.invokeExact(header, arena.allocateFrom("orientation"), orientation);
      boolean swapped = missing == 0 && orientation.get(JAVA_INT, 0) >= 5;
      return swapped ? new int[] {height, width} : new int[] {width, height};
    } finally {
      vips.unref.invokeExact(header);
    }
  }

  private MemorySegment thumbnail(
      Arena arena, MemorySegment buffer, ImageRequest.Size target, Fit fit) throws Throwable {
    MemorySegment out = arena.allocate(ADDRESS);
    int size = fit == Fit.FILL ? Vips.SIZE_FORCE : Vips.SIZE_BOTH;
    int crop = fit == Fit.COVER ? Vips.INTERESTING_CENTRE : Vips.INTERESTING_NONE;
    int failed =
        (int)
            vips.thumbnailBuffer.invokeExact(
                buffer,
                buffer.byteSize(),
                out,
                target.width(),
                arena.allocateFrom("height"),
                target.height(),
                arena.allocateFrom("size"),
                size,
                arena.allocateFrom("crop"),
                crop,
                MemorySegment.NULL);
    if (failed != 0) throw new ImageRejected("unreadable", vips.lastError());
    return out.get(ADDRESS, 0);
  }

  private byte[] encode(Arena arena, MemorySegment image, ImageRequest request) throws Throwable {
    stripMetadata(arena, image);
    MemorySegment bytes = arena.allocate(ADDRESS);
    MemorySegment length = arena.allocate(JAVA_LONG);
    int failed =
        (int)
            vips.writeToBuffer.invokeExact(
                image, arena.allocateFrom(suffix(request)), bytes, length, MemorySegment.NULL);
    if (failed != 0) throw new ImageRejected("unreadable", vips.lastError());
    MemorySegment encoded = bytes.get(ADDRESS, 0).reinterpret(length.get(JAVA_LONG, 0));
    try {
      byte[] out = encoded.toArray(JAVA_BYTE);
      return request.format() == ImageFormat.WEBP ? WebpMetadata.strip(out) : out;
    } finally {
      vips.free.invokeExact(encoded);
    }
  }

  /**
   * why: libvips 8.14's webpsave ignores {@code strip} and rebuilds EXIF (GPS included) from the
   * parsed {@code exif-*} fields, so every such field goes, not only the raw blocks.
   */
  private void stripMetadata(Arena arena, MemorySegment image) throws Throwable {
    for (String field : vips.fieldNames(image)) {
      if (METADATA_PREFIXES.stream().anyMatch(field::startsWith)) {
        int removed = (int) vips.remove.invokeExact(image, arena.allocateFrom(field));
      }
    }
  }

  /**
   * why strip: no EXIF, GPS or XMP of the upload reaches a variant; background: alpha on white for
   * JPEG.
   */
  private static String suffix(ImageRequest request) {
    int q = request.quality();
    return switch (request.format()) {
      case JPEG -> ".jpg[Q=" + q + ",strip,background=255,optimize_coding]";
      case PNG -> ".png[strip]";
      case WEBP -> ".webp[Q=" + q + ",strip]";
      case AVIF -> ".heif[compression=av1,Q=" + q + ",strip]";
    };
  }
}
