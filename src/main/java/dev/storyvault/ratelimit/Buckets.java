package dev.storyvault.ratelimit;

/** Where token buckets live: in this process, or shared by every instance (Redis, PostgreSQL). */
interface Buckets {

  record Verdict(boolean allowed, long remaining, long retryAfterSeconds) {}

  Verdict take(String key, RateLimitProperties.Limit limit);
}
