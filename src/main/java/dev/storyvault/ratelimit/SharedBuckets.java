package dev.storyvault.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.proxy.ProxyManager;

/** Buckets every instance shares, through Redis (Lettuce) or PostgreSQL (SELECT … FOR UPDATE). */
class SharedBuckets implements Buckets {

  private final ProxyManager<String> proxies;

  SharedBuckets(ProxyManager<String> proxies) {
    this.proxies = proxies;
  }

  @Override
  public Verdict take(String key, RateLimitProperties.Limit limit) {
    BucketConfiguration configuration =
        BucketConfiguration.builder().addLimit(RateLimiting.bandwidth(limit)).build();
    return RateLimiting.verdict(
        proxies.builder().build(key, () -> configuration).tryConsumeAndReturnRemaining(1));
  }
}
