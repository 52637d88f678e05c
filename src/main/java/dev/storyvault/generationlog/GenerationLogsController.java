package dev.storyvault.generationlog;

import dev.storyvault.database.WriteTransactions;
import dev.storyvault.document.BoundedJson;
import dev.storyvault.document.JsonLimits;
import dev.storyvault.identity.Caller;
import dev.storyvault.identity.Scope;
import dev.storyvault.platform.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Generation logs: your own (admins: all), newest first; apps that generate elsewhere record
 * theirs.
 */
@RestController
class GenerationLogsController {

  private static final Set<String> STATUSES =
      Set.of("accepted", "rejected", "succeeded", "failed", "dead", "cancelled");

  private final GenerationLogs logs;
  private final WriteTransactions writes;
  private final Clock clock;
  private final BoundedJson json =
      new BoundedJson(JsonLimits.requestBody("A generation log", 16 * 1024, 8));

  GenerationLogsController(GenerationLogs logs, WriteTransactions writes, Clock clock) {
    this.logs = logs;
    this.writes = writes;
    this.clock = clock;
  }

  @GetMapping("/api/generation-logs")
  Map<String, Object> list(
      Caller caller,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String cursor,
      @RequestParam(defaultValue = "50") int limit) {
    caller.requireAuthenticated();
    if (limit < 1 || limit > 200)
      throw ApiProblem.badRequest("invalid-limit", "limit is 1 to 200.");
    List<Map<String, Object>> page =
        logs.list(caller.isAdmin() ? null : caller.userId(), status, cursor, limit + 1);
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    out.put("items", page.stream().limit(limit).toList());
    if (page.size() > limit) out.put("next_cursor", page.get(limit - 1).get("id"));
    return out;
  }

  @PostMapping("/api/generation-logs")
  ResponseEntity<Map<String, Object>> record(Caller caller, HttpServletRequest request)
      throws IOException {
    caller.requireScope(Scope.WRITE);
    Map<String, Object> entry = json.readObject(request.getInputStream());
    if (!(entry.get("input_type") instanceof String t) || t.isBlank() || t.length() > 100) {
      throw ApiProblem.badRequest(
          "invalid-log", "input_type is required (at most 100 characters).");
    }
    if (!(entry.get("status") instanceof String s) || !STATUSES.contains(s)) {
      throw ApiProblem.badRequest("invalid-log", "status is one of " + STATUSES + ".");
    }
    if (!(entry.getOrDefault("input_size", 0) instanceof Integer)) {
      throw ApiProblem.badRequest("invalid-log", "input_size is a whole number.");
    }
    entry.putIfAbsent("input_size", 0);
    String id = writes.execute(() -> logs.recordExternal(caller.userId(), entry, clock.millis()));
    return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", id));
  }
}
