package dev.storyvault.ai;

import java.util.List;

/** A result, the provider that made it, the providers that failed before it, and what it cost. */
public record Routed<R>(
    R result, String provider, List<String> failedBefore, double cost, long latencyMs) {}
