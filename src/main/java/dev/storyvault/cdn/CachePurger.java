package dev.storyvault.cdn;

import java.io.IOException;

/**
 * Tells the CDN in front of StoryVault to drop what changed. Implementations: none, HTTP PURGE/BAN
 * to Varnish-style caches, Cloudflare's API, CloudFront invalidations. Chosen by {@code
 * storyvault.cdn.purge}.
 */
public interface CachePurger {

  void purge(Purge purge) throws IOException, InterruptedException;
}
