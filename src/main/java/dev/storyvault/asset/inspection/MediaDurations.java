package dev.storyvault.asset.inspection;

import dev.storyvault.asset.MediaFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jaudiotagger.audio.AudioFile;
import org.jaudiotagger.audio.AudioFileIO;

/** Duration of audio and video in milliseconds, where the container states it. */
final class MediaDurations {

  static {
    // why: jaudiotagger logs every oddity of every file at INFO through java.util.logging
    Logger.getLogger("org.jaudiotagger").setLevel(Level.OFF);
  }

  private MediaDurations() {}

  static Optional<Long> read(MediaFormat format, Path file) {
    try {
      return switch (format) {
        case MP3, OGG, WAV -> audioHeader(file, format.extension());
        case M4A, MP4 -> Mp4Boxes.durationMillis(file);
        case HLS -> hlsPlaylist(file);
        default -> Optional.empty();
      };
    } catch (Exception unreadable) {
      // why: the format is already proven by its magic bytes; a container we cannot time is still
      // stored
      return Optional.empty();
    }
  }

  private static Optional<Long> audioHeader(Path file, String extension) throws Exception {
    AudioFile audio = AudioFileIO.readAs(file.toFile(), extension);
    double seconds = audio.getAudioHeader().getPreciseTrackLength();
    return seconds > 0 ? Optional.of(Math.round(seconds * 1000)) : Optional.empty();
  }

  /** The sum of a media playlist's #EXTINF segment durations. */
  private static Optional<Long> hlsPlaylist(Path file) throws IOException {
    double seconds = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.startsWith("#EXTINF:")) {
        String value = line.substring(8).split(",", 2)[0].trim();
        seconds += Double.parseDouble(value);
      }
    }
    return seconds > 0 ? Optional.of(Math.round(seconds * 1000)) : Optional.empty();
  }

  /** ISO base media: moov → mvhd holds a timescale and a duration in its units. */
  static final class Mp4Boxes {

    private Mp4Boxes() {}

    static Optional<Long> durationMillis(Path file) throws IOException {
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
        Optional<long[]> moov = findBox(channel, 0, channel.size(), "moov");
        if (moov.isEmpty()) return Optional.empty();
        Optional<long[]> mvhd = findBox(channel, moov.get()[0], moov.get()[1], "mvhd");
        if (mvhd.isEmpty()) return Optional.empty();
        ByteBuffer body = ByteBuffer.allocate(32);
        channel.read(body, mvhd.get()[0]);
        byte[] b = body.array();
        boolean v1 = b[0] == 1;
        long timescale = Bytes.uint32(b, v1 ? 20 : 12);
        long duration = v1 ? Bytes.uint64(b, 24) : Bytes.uint32(b, 16);
        return timescale > 0 ? Optional.of(duration * 1000 / timescale) : Optional.empty();
      }
    }

    /** Returns {start of content, end} of the first box of {@code type} between start and end. */
    private static Optional<long[]> findBox(FileChannel channel, long start, long end, String type)
        throws IOException {
      ByteBuffer header = ByteBuffer.allocate(16);
      for (long position = start; position + 8 <= end; ) {
        header.clear();
        channel.read(header, position);
        byte[] h = header.array();
        long size = Bytes.uint32(h, 0);
        int headerSize = 8;
        if (size == 1) {
          size = Bytes.uint64(h, 8);
          headerSize = 16;
        }
        if (size == 0) size = end - position;
        if (size < headerSize) return Optional.empty();
        if (new String(h, 4, 4, StandardCharsets.ISO_8859_1).equals(type)) {
          return Optional.of(new long[] {position + headerSize, position + size});
        }
        position += size;
      }
      return Optional.empty();
    }
  }
}
