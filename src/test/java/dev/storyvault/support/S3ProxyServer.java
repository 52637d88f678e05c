package dev.storyvault.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * A real S3 API server (s3proxy on its filesystem backend), started once per test JVM as a separate
 * process from the jar Maven copied to target/s3proxy.
 */
public final class S3ProxyServer {

  public static final String ACCESS_KEY = "storyvault-test";
  public static final String SECRET_KEY = "storyvault-test-secret";

  private static S3ProxyServer instance;

  private final String endpoint;

  private S3ProxyServer(String endpoint) {
    this.endpoint = endpoint;
  }

  public static synchronized S3ProxyServer get() {
    if (instance == null) instance = start();
    return instance;
  }

  public String endpoint() {
    return endpoint;
  }

  private static S3ProxyServer start() {
    try {
      Path jar = Path.of("target/s3proxy/s3proxy.jar").toAbsolutePath();
      if (!Files.exists(jar))
        throw new IllegalStateException("Run through Maven: " + jar + " is missing");
      int port = Ports.free();
      Path base = Files.createTempDirectory("s3proxy-");
      Path config = base.resolve("s3proxy.properties");
      Files.writeString(
          config,
          String.join(
              "\n",
              "s3proxy.endpoint=http://127.0.0.1:" + port,
              "s3proxy.authorization=aws-v2-or-v4",
              "s3proxy.identity=" + ACCESS_KEY,
              "s3proxy.credential=" + SECRET_KEY,
              "jclouds.provider=filesystem",
              "jclouds.filesystem.basedir=" + Files.createDirectories(base.resolve("data")),
              ""));
      String java = ProcessHandle.current().info().command().orElse("java");
      Process process =
          new ProcessBuilder(java, "-jar", jar.toString(), "--properties", config.toString())
              .redirectErrorStream(true)
              .redirectOutput(base.resolve("s3proxy.log").toFile())
              .start();
      Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
      awaitPort(port, process, base);
      System.out.println(
          "s3proxy answering on port " + port + " (log: " + base.resolve("s3proxy.log") + ")");
      return new S3ProxyServer("http://127.0.0.1:" + port);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void awaitPort(int port, Process process, Path base) throws IOException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (!Ports.answers("127.0.0.1", port)) {
      if (!process.isAlive() || Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(
            "s3proxy did not start: " + Files.readString(base.resolve("s3proxy.log")));
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
