/**
 * CDN purges (Varnish-style, Cloudflare, CloudFront) in reaction to changes, through durable
 * events.
 */
@ApplicationModule(allowedDependencies = {"story :: events", "asset :: events"})
package dev.storyvault.cdn;

import org.springframework.modulith.ApplicationModule;
