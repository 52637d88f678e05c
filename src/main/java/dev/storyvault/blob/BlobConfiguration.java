package dev.storyvault.blob;

import java.io.IOException;
import java.nio.file.Path;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BlobProperties.class)
class BlobConfiguration {

  @Bean
  BlobStore blobStore(BlobProperties properties) throws IOException {
    return switch (properties.store()) {
      case "disk" -> BlobStores.onDisk(Path.of(properties.disk().root()));
      case "s3" -> BlobStores.onS3(properties.s3());
      default ->
          throw new IllegalStateException(
              "storyvault.blobs.store must be 'disk' or 's3', not '" + properties.store() + "'");
    };
  }

  @Bean
  HealthIndicator blobStoreHealthIndicator(BlobStore store) {
    return () -> {
      try {
        store.check();
        return Health.up().withDetail("store", store.getClass().getSimpleName()).build();
      } catch (IOException | RuntimeException e) {
        return Health.down().withDetail("error", e.getMessage()).build();
      }
    };
  }
}
