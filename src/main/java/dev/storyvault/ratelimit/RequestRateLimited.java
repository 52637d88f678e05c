package dev.storyvault.ratelimit;

/**
 * Published (synchronously) when a request was refused with 429: modules that log requests record
 * it.
 */
public record RequestRateLimited(String userId, String method, String path, long contentLength) {}
