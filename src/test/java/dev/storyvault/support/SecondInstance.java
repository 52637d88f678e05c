package dev.storyvault.support;

import dev.storyvault.StoryVaultApplication;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Another StoryVault instance on the same database, blob store and Redis: a two-node deployment.
 */
public final class SecondInstance implements AutoCloseable {

  private final ConfigurableApplicationContext context;

  private SecondInstance(ConfigurableApplicationContext context) {
    this.context = context;
  }

  /**
   * What makes an instance part of the same installation: its database, blob store and admin key.
   */
  public static final List<String> SAME_INSTALLATION =
      List.of(
          "storyvault.data-dir",
          "storyvault.database.url",
          "storyvault.database.username",
          "spring.flyway.schemas",
          "storyvault.blobs.store",
          "storyvault.blobs.s3.endpoint",
          "storyvault.blobs.s3.bucket",
          "storyvault.blobs.s3.access-key",
          "storyvault.blobs.s3.secret-key",
          "storyvault.admin-api-key");

  /** Another instance of the first one's installation (see {@link #SAME_INSTALLATION}). */
  public static SecondInstance ofSameInstallation(Environment first, String... moreKeys) {
    List<String> keys = new ArrayList<>(SAME_INSTALLATION);
    keys.addAll(List.of(moreKeys));
    return like(first, keys.toArray(String[]::new));
  }

  public static SecondInstance like(Environment first, String... keys) {
    // why arguments: they outrank application.yml, as the first instance's test properties did
    List<String> arguments = new ArrayList<>();
    for (String key : keys) {
      String value = first.getProperty(key);
      if (value != null) arguments.add("--" + key + "=" + value);
    }
    arguments.add("--server.port=0");
    return new SecondInstance(
        new SpringApplicationBuilder(StoryVaultApplication.class)
            .run(arguments.toArray(String[]::new)));
  }

  /** An instance with exactly these properties (a separate installation, for instance). */
  public static SecondInstance with(java.util.Map<String, String> properties) {
    List<String> arguments = new ArrayList<>();
    properties.forEach((key, value) -> arguments.add("--" + key + "=" + value));
    arguments.add("--server.port=0");
    return new SecondInstance(
        new SpringApplicationBuilder(StoryVaultApplication.class)
            .run(arguments.toArray(String[]::new)));
  }

  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
  }

  @Override
  public void close() {
    context.close();
  }
}
