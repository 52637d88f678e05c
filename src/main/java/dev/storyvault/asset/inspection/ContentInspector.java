package dev.storyvault.asset.inspection;

import dev.storyvault.asset.AssetKind;
import dev.storyvault.asset.MediaFormat;
import dev.storyvault.asset.UploadLimits;
import dev.storyvault.platform.ApiProblem;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Decides what an upload is from its bytes and whether it may be stored: the format must be one of
 * the declared kind's, images must state a size within the pixel limit, JSON must be well-formed
 * and shallow, playlists must be UTF-8 text.
 */
@Component
public class ContentInspector {

  private static final long MAX_PLAYLIST_BYTES = 1024 * 1024;

  private final UploadLimits limits;

  public ContentInspector(UploadLimits limits) {
    this.limits = limits;
  }

  public Inspection inspect(byte[] head, Path file, Optional<AssetKind> declared)
      throws IOException {
    MediaFormat format = Sniffer.detect(head);
    if (declared.isPresent() && declared.get() != format.kind()) {
      throw ApiProblem.unsupportedMediaType(
          "The content is "
              + format.wireName()
              + " ("
              + format.kind().wireName()
              + "), not the declared kind '"
              + declared.get().wireName()
              + "'.");
    }
    return switch (format.kind()) {
      case IMAGE -> image(format, head, file);
      case DATA -> {
        JsonCheck.verify(file, limits.maxJsonDepth());
        yield plain(format);
      }
      case AUDIO, VIDEO -> media(format, file);
    };
  }

  private Inspection image(MediaFormat format, byte[] head, Path file) throws IOException {
    ImageHeaders.Dimensions size =
        ImageHeaders.read(format, head, file)
            .orElseThrow(
                () ->
                    ApiProblem.unprocessable(
                        "unreadable-image",
                        "The "
                            + format.wireName()
                            + " header is truncated or damaged; its size cannot be read."));
    if (size.width() <= 0 || size.height() <= 0) {
      throw ApiProblem.unprocessable("unreadable-image", "The image states a size of zero pixels.");
    }
    long pixels = (long) size.width() * size.height();
    if (pixels > limits.maxPixels()) {
      throw ApiProblem.unprocessable(
          "too-many-pixels",
          "The image is "
              + size.width()
              + "×"
              + size.height()
              + " = "
              + pixels
              + " pixels; the limit is "
              + limits.maxPixels()
              + ".");
    }
    return new Inspection(format, size.width(), size.height(), null);
  }

  private Inspection media(MediaFormat format, Path file) throws IOException {
    if (format == MediaFormat.HLS) {
      if (Files.size(file) > MAX_PLAYLIST_BYTES) {
        throw ApiProblem.tooLarge(
            "An HLS playlist may have at most " + MAX_PLAYLIST_BYTES + " bytes.");
      }
      requireUtf8(file);
    }
    return new Inspection(format, null, null, MediaDurations.read(format, file).orElse(null));
  }

  private static void requireUtf8(Path file) throws IOException {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)));
    } catch (CharacterCodingException e) {
      throw ApiProblem.unprocessable("invalid-playlist", "An HLS playlist must be UTF-8 text.");
    }
  }

  private static Inspection plain(MediaFormat format) {
    return new Inspection(format, null, null, null);
  }
}
