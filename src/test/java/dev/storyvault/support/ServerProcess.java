package dev.storyvault.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The packaged server (target/storyvault.jar) running as its own process, as an operator would run
 * it.
 */
public final class ServerProcess implements AutoCloseable {

  private final Process process;
  private final int port;

  private ServerProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  public static ServerProcess start(Path dataDir, Map<String, String> environment) {
    String jar = System.getProperty("storyvault.jar", "target/storyvault.jar");
    return start(List.of(java(), "-Xmx512m", "-jar", jar), dataDir, environment);
  }

  /**
   * The server as target/app/storyvault starts it: extracted, with the build's ahead-of-time cache,
   * which must load ({@code -XX:AOTMode=on} makes the JVM refuse to start otherwise).
   */
  public static ServerProcess startFromLauncher(Path dataDir, Map<String, String> environment) {
    Map<String, String> withCache = new HashMap<>(environment);
    withCache.put("JAVA", java());
    withCache.put("JAVA_OPTS", "-XX:AOTMode=on");
    return start(List.of("target/app/storyvault"), dataDir, withCache);
  }

  private static String java() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  private static ServerProcess start(
      List<String> command, Path dataDir, Map<String, String> environment) {
    int port = Ports.free();
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(
                ProcessBuilder.Redirect.appendTo(
                    dataDir.resolveSibling(dataDir.getFileName() + ".log").toFile()));
    builder.environment().putAll(environment);
    builder.environment().put("STORYVAULT_DATA_DIR", dataDir.toString());
    builder.environment().put("SERVER_PORT", String.valueOf(port));
    try {
      ServerProcess server = new ServerProcess(builder.start(), port);
      server.awaitReady();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** SIGKILL: no shutdown hook, no flush, no chance to finish anything. */
  public void kill9() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    process.waitFor();
  }

  private void awaitReady() {
    Api api = new Api(baseUrl(), null);
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive())
        throw new IllegalStateException("The server exited with " + process.exitValue());
      try {
        if (api.get("/actuator/health/readiness").status() == 200) return;
      } catch (UncheckedIOException notYet) {
        // still starting
      }
      sleep(200);
    }
    throw new IllegalStateException("The server did not become ready in time");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
