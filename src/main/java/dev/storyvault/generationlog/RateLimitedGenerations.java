package dev.storyvault.generationlog;

import dev.storyvault.database.WriteTransactions;
import dev.storyvault.ratelimit.RequestRateLimited;
import java.time.Clock;
import java.util.regex.Pattern;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Generation requests the rate limit refused are logged too (rejected, rate-limited): 100 % of
 * requests.
 */
@Component
class RateLimitedGenerations {

  private static final Pattern CONTINUE = Pattern.compile("/api/stories/[^/]+/continue");
  private static final Pattern TURN = Pattern.compile("/api/sessions/[^/]+/continue");

  private final GenerationLogs logs;
  private final WriteTransactions writes;
  private final Clock clock;

  RateLimitedGenerations(GenerationLogs logs, WriteTransactions writes, Clock clock) {
    this.logs = logs;
    this.writes = writes;
    this.clock = clock;
  }

  @EventListener
  void refused(RequestRateLimited request) {
    String type = inputType(request.method(), request.path());
    if (type == null) return;
    writes.run(
        () ->
            logs.recordOutcome(
                request.userId(),
                "api",
                type,
                (int) Math.min(Integer.MAX_VALUE, request.contentLength()),
                "rejected",
                "rate-limited",
                0,
                0,
                null,
                null,
                clock.millis()));
  }

  /** What a generation route makes, or null for any other route. */
  static String inputType(String method, String path) {
    if (!method.equals("POST")) return null;
    if (path.startsWith("/api/ai/generate/")) return path.substring("/api/ai/generate/".length());
    if (path.equals("/api/jobs")) return "job";
    if (path.equals("/api/story/start")) return "story.generate";
    if (path.equals("/api/story/continue") || CONTINUE.matcher(path).matches())
      return "story.continue";
    if (TURN.matcher(path).matches()) return "session.turn";
    return null;
  }
}
