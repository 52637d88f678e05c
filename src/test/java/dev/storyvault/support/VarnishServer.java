package dev.storyvault.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Varnish (Debian's varnishd) in front of a test server, with the VCL from deploy/varnish
 * and the backend port filled in. Absent varnishd skips the test, except under CI=true.
 */
public final class VarnishServer implements AutoCloseable {

  private static final Path VARNISHD = Path.of("/usr/sbin/varnishd");

  private final Process process;
  private final int port;
  private final Path workDir;

  private VarnishServer(Process process, int port, Path workDir) {
    this.process = process;
    this.port = port;
    this.workDir = workDir;
  }

  public static boolean installed() {
    return Files.isExecutable(VARNISHD);
  }

  public static VarnishServer start(int port, int backendPort)
      throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("varnish-");
    String vcl =
        Files.readString(Path.of("deploy/varnish/storyvault.vcl"))
            .replace(".port = \"8080\";", ".port = \"" + backendPort + "\";");
    Files.writeString(dir.resolve("test.vcl"), vcl);
    Process process =
        new ProcessBuilder(
                List.of(
                    VARNISHD.toString(),
                    "-F",
                    "-j",
                    "none",
                    "-n",
                    dir.resolve("work").toString(),
                    "-a",
                    "127.0.0.1:" + port,
                    "-f",
                    dir.resolve("test.vcl").toString(),
                    "-s",
                    "malloc,64m",
                    "-T",
                    "none",
                    "-p",
                    "ban_lurker_sleep=0.05"))
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("varnishd.log").toFile())
            .start();
    for (int i = 0; i < 100 && !Ports.answers("127.0.0.1", port); i++) {
      if (!process.isAlive())
        throw new IllegalStateException(
            "varnishd exited: " + Files.readString(dir.resolve("varnishd.log")));
      Thread.sleep(100);
    }
    if (!Ports.answers("127.0.0.1", port))
      throw new IllegalStateException("varnishd did not start listening");
    return new VarnishServer(process, port, dir);
  }

  public String url() {
    return "http://127.0.0.1:" + port;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
