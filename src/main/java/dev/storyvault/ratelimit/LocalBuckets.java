package dev.storyvault.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import java.time.Duration;

/** Buckets in this process (embedded mode): idle ones are forgotten after ten minutes. */
class LocalBuckets implements Buckets {

  private final Cache<String, Bucket> buckets =
      Caffeine.newBuilder().maximumSize(200_000).expireAfterAccess(Duration.ofMinutes(10)).build();

  @Override
  public Verdict take(String key, RateLimitProperties.Limit limit) {
    Bucket bucket =
        buckets.get(key, k -> Bucket.builder().addLimit(RateLimiting.bandwidth(limit)).build());
    return RateLimiting.verdict(bucket.tryConsumeAndReturnRemaining(1));
  }
}
