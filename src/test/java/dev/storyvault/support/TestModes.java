package dev.storyvault.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Configuration of the two modes for a test application context: each gets its own database and
 * blob space.
 */
public final class TestModes {

  public static final String ADMIN_KEY = "test-admin-key-0123456789abcdef";

  private TestModes() {}

  /**
   * The embedded mode's settings for the one context that all {@link EmbeddedMode} classes share.
   */
  static synchronized java.util.List<String> embeddedProperties() {
    if (sharedEmbedded == null) sharedEmbedded = properties(TestModes::embedded);
    return sharedEmbedded;
  }

  /** The same for {@link ScaleOutMode}: one schema and one bucket for the run. */
  static synchronized java.util.List<String> scaleOutProperties() {
    if (sharedScaleOut == null) sharedScaleOut = properties(TestModes::scaleOut);
    return sharedScaleOut;
  }

  private static java.util.List<String> sharedEmbedded;
  private static java.util.List<String> sharedScaleOut;

  private static java.util.List<String> properties(
      java.util.function.Consumer<DynamicPropertyRegistry> mode) {
    java.util.List<String> pairs = new java.util.ArrayList<>();
    mode.accept((name, value) -> pairs.add(name + "=" + value.get()));
    return pairs;
  }

  public static void embedded(DynamicPropertyRegistry registry) {
    Path dataDir = tempDir("storyvault-embedded-");
    registry.add("storyvault.data-dir", dataDir::toString);
    // why: scale-out picks libvips where installed, so the HTTP suites run on both image processors
    registry.add("storyvault.images.processor", () -> "java");
    common(registry);
  }

  public static void scaleOut(DynamicPropertyRegistry registry) {
    String unique = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    Path dataDir = tempDir("storyvault-scaleout-");
    registry.add("storyvault.data-dir", dataDir::toString);
    registry.add(
        "storyvault.database.url",
        () ->
            "jdbc:postgresql://"
                + ScaleOutServices.PG_HOST
                + ":"
                + ScaleOutServices.PG_PORT
                + "/test?currentSchema=sv_"
                + unique);
    registry.add("storyvault.database.username", () -> "postgres");
    registry.add("spring.flyway.schemas", () -> "sv_" + unique);
    registry.add("spring.flyway.create-schemas", () -> "true");
    registry.add("storyvault.blobs.store", () -> "s3");
    registry.add("storyvault.blobs.s3.endpoint", () -> S3ProxyServer.get().endpoint());
    registry.add("storyvault.blobs.s3.bucket", () -> "sv-" + unique);
    registry.add("storyvault.blobs.s3.access-key", () -> S3ProxyServer.ACCESS_KEY);
    registry.add("storyvault.blobs.s3.secret-key", () -> S3ProxyServer.SECRET_KEY);
    registry.add("storyvault.blobs.s3.create-bucket", () -> "true");
    // why another bucket: a backup must not live where the live blobs do
    registry.add("storyvault.backups.store", () -> "s3");
    registry.add("storyvault.backups.s3.endpoint", () -> S3ProxyServer.get().endpoint());
    registry.add("storyvault.backups.s3.bucket", () -> "bk-" + unique);
    registry.add("storyvault.backups.s3.access-key", () -> S3ProxyServer.ACCESS_KEY);
    registry.add("storyvault.backups.s3.secret-key", () -> S3ProxyServer.SECRET_KEY);
    registry.add("storyvault.backups.s3.create-bucket", () -> "true");
    common(registry);
  }

  private static void common(DynamicPropertyRegistry registry) {
    Path backups = tempDir("storyvault-backups-");
    registry.add("storyvault.backups.folder", backups::toString);
    registry.add("storyvault.backups.scheduled", () -> "false");
    registry.add("storyvault.admin-api-key", () -> ADMIN_KEY);
    registry.add("storyvault.uploads.max-data-size", () -> "1MB");
    registry.add("storyvault.auth.guest-upload-quota", () -> "64KB");
    registry.add("db-scheduler.polling-interval", () -> "1s");
    registry.add("storyvault.exports.slot-wait", () -> "PT0.3S");
    // why small: a test account with one short recording is exported in the background
    registry.add("storyvault.personal-data.inline-export-limit", () -> "100KB");
  }

  public static Path tempDir(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
