package dev.storyvault.ai.offline;

import dev.storyvault.ai.ProviderFailure;
import dev.storyvault.ai.ProviderFailure.Reason;
import dev.storyvault.ai.ProviderSettings;
import dev.storyvault.ai.SpeechProvider;
import dev.storyvault.ai.SpeechRequest;
import dev.storyvault.ai.SpeechResult;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Narration without a network: {@code espeak-ng} (Debian package) speaks the text, read from
 * standard input (never from the command line), within a time limit; {@code lame} encodes it as
 * MP3, which EPUB readers play, where installed (else WAV). When no speech engine is installed it
 * says so up front ({@link #available()}) instead of failing later.
 */
public final class EspeakNarrator implements SpeechProvider {

  private static final String VOICE = "[a-z]{2,3}(-[a-z0-9]{1,8}){0,2}(\\+[a-z0-9]{1,8})?";

  private final ProviderSettings settings;
  private final Path engine;
  private final Path encoder;
  private final Path workDir;

  public EspeakNarrator(ProviderSettings settings, Path workDir) {
    this.settings = settings;
    this.engine = onPath("espeak-ng");
    this.encoder = onPath("lame");
    this.workDir = workDir;
  }

  @Override
  public ProviderSettings settings() {
    return settings;
  }

  @Override
  public boolean available() {
    return engine != null;
  }

  @Override
  public SpeechResult speak(SpeechRequest request, Duration timeout) {
    if (engine == null)
      throw new ProviderFailure(Reason.UNAVAILABLE, "no speech engine (espeak-ng) is installed");
    String voice = request.voice() == null || request.voice().isBlank() ? "en-us" : request.voice();
    if (!voice.matches(VOICE))
      throw new ProviderFailure(Reason.REJECTED, "voice must look like en-us or en-gb+f3");
    long deadline = System.nanoTime() + timeout.toNanos();
    Path wav = null;
    Path mp3 = null;
    try {
      Files.createDirectories(workDir);
      wav = Files.createTempFile(workDir, "speech-", ".wav");
      run(
          List.of(engine.toString(), "--stdin", "-v", voice, "-s", "160", "-w", wav.toString()),
          request.text(),
          deadline);
      long durationMs = wavDurationMs(wav);
      if (encoder == null)
        return new SpeechResult(Files.readAllBytes(wav), "audio/wav", "wav", durationMs);
      mp3 = Files.createTempFile(workDir, "speech-", ".mp3");
      run(
          List.of(encoder.toString(), "--quiet", "-b", "64", wav.toString(), mp3.toString()),
          null,
          deadline);
      return new SpeechResult(Files.readAllBytes(mp3), "audio/mpeg", "mp3", durationMs);
    } catch (IOException e) {
      throw new ProviderFailure(
          Reason.SERVER_ERROR, "narration failed: " + e.getClass().getSimpleName());
    } finally {
      delete(wav);
      delete(mp3);
    }
  }

  private static void run(List<String> command, String input, long deadlineNanos)
      throws IOException {
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    try (OutputStream stdin = process.getOutputStream()) {
      if (input != null) stdin.write(input.getBytes(StandardCharsets.UTF_8));
    }
    try {
      long left = deadlineNanos - System.nanoTime();
      if (left <= 0 || !process.waitFor(left, TimeUnit.NANOSECONDS)) {
        process.destroyForcibly();
        throw new ProviderFailure(
            Reason.TIMEOUT, command.getFirst().replaceAll(".*/", "") + " ran past the time limit");
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new ProviderFailure(Reason.TIMEOUT, "narration interrupted");
    }
    if (process.exitValue() != 0) {
      throw new ProviderFailure(
          Reason.SERVER_ERROR,
          command.getFirst().replaceAll(".*/", "") + " exited with " + process.exitValue());
    }
  }

  /** The length of a PCM WAV file: its data bytes over its byte rate. */
  static long wavDurationMs(Path wav) throws IOException {
    byte[] bytes = Files.readAllBytes(wav);
    ByteBuffer header = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int byteRate = header.getInt(28);
    int at = 12;
    while (at + 8 <= bytes.length) {
      int size = header.getInt(at + 4);
      if (bytes[at] == 'd'
          && bytes[at + 1] == 'a'
          && bytes[at + 2] == 't'
          && bytes[at + 3] == 'a') {
        long data = size <= 0 || size > bytes.length - at - 8 ? bytes.length - at - 8 : size;
        return byteRate <= 0 ? 0 : data * 1000 / byteRate;
      }
      at += 8 + size;
    }
    return 0;
  }

  private static Path onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
      Path candidate = Path.of(dir, program);
      if (Files.isExecutable(candidate)) return candidate;
    }
    return null;
  }

  private static void delete(Path file) {
    if (file == null) return;
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // why: a leftover temp file is harmless; the data folder's tmp is cleaned on start
    }
  }
}
