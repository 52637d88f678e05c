/**
 * AI providers behind one router per modality (text, image, speech): offline providers (templates,
 * Java2D, espeak-ng) and OpenAI-compatible HTTP providers; priority, weighted, cheapest, fastest
 * and balanced routing; retries, fallback, cooldown, circuit breakers and bulkheads; health,
 * metrics, ratings and optimized weights. Owns the tables {@code ai_ratings} and {@code
 * ai_routing_weights}.
 */
@ApplicationModule(
    allowedDependencies = {
      "asset",
      "identity",
      "document",
      "database",
      "generationlog",
      "platform"
    })
package dev.storyvault.ai;

import org.springframework.modulith.ApplicationModule;
