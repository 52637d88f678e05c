package dev.storyvault.cdn;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.CloudFrontClientBuilder;
import software.amazon.awssdk.services.cloudfront.model.CreateInvalidationRequest;

/**
 * CloudFront has no tags: it invalidates the story's and asset's paths (wildcards allowed at the
 * end).
 */
class CloudFrontPurger implements CachePurger {

  private final CloudFrontClient client;
  private final String distributionId;

  CloudFrontPurger(CdnProperties.CloudFront settings) {
    if (settings == null
        || settings.distributionId() == null
        || settings.distributionId().isBlank()) {
      throw new IllegalStateException("storyvault.cdn.cloudfront.distribution-id is required");
    }
    CloudFrontClientBuilder builder =
        CloudFrontClient.builder()
            .httpClientBuilder(ApacheHttpClient.builder())
            .region(Region.of(settings.region() == null ? "us-east-1" : settings.region()));
    if (settings.endpoint() != null && !settings.endpoint().isBlank())
      builder.endpointOverride(URI.create(settings.endpoint()));
    if (settings.accessKey() != null && !settings.accessKey().isBlank()) {
      builder.credentialsProvider(
          StaticCredentialsProvider.create(
              AwsBasicCredentials.create(settings.accessKey(), settings.secretKey())));
    }
    this.client = builder.build();
    this.distributionId = settings.distributionId();
  }

  @Override
  public void purge(Purge purge) {
    List<String> paths = List.copyOf(purge.paths());
    client.createInvalidation(
        CreateInvalidationRequest.builder()
            .distributionId(distributionId)
            .invalidationBatch(
                batch ->
                    batch
                        .callerReference(UUID.randomUUID().toString())
                        .paths(p -> p.quantity(paths.size()).items(paths)))
            .build());
  }
}
