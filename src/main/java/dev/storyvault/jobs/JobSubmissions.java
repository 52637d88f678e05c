package dev.storyvault.jobs;

import dev.storyvault.database.WriteTransactions;
import dev.storyvault.document.BoundedJson;
import dev.storyvault.document.JsonLimits;
import dev.storyvault.generationlog.GenerationLogs;
import dev.storyvault.identity.Caller;
import dev.storyvault.platform.ApiProblem;
import dev.storyvault.platform.Digests;
import dev.storyvault.platform.Ids;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Accepts a job: the same Idempotency-Key with the same payload gives back the same job; with
 * another payload it is refused (422). The job, its first event and its generation log are written
 * together; a refused request is logged too.
 */
@Component
class JobSubmissions {

  private final Jobs jobs;
  private final JobEvents events;
  private final GenerationLogs logs;
  private final WriteTransactions writes;
  private final JobDoorbell doorbell;
  private final dev.storyvault.story.StoryDrafts drafts;
  private final Clock clock;
  private final int maxAttempts;
  private final BoundedJson json = new BoundedJson(JsonLimits.requestBody("A job", 64 * 1024, 16));

  JobSubmissions(
      Jobs jobs,
      JobEvents events,
      GenerationLogs logs,
      WriteTransactions writes,
      JobDoorbell doorbell,
      dev.storyvault.story.StoryDrafts drafts,
      Clock clock,
      @Value("${storyvault.jobs.max-attempts:3}") int maxAttempts) {
    this.jobs = jobs;
    this.events = events;
    this.logs = logs;
    this.writes = writes;
    this.doorbell = doorbell;
    this.drafts = drafts;
    this.clock = clock;
    this.maxAttempts = maxAttempts;
  }

  /** The job (new, or the one this key made before) and whether it is new. */
  record Submitted(Job job, boolean created) {}

  Submitted submit(
      Caller caller, String idempotencyKey, String type, Map<String, Object> input, int inputSize) {
    return submit(caller, idempotencyKey, type, input, inputSize, false);
  }

  /** A session's turn: its input was checked by the sessions API (the session is the caller's). */
  Submitted submitTurn(
      Caller caller, String idempotencyKey, Map<String, Object> input, int inputSize) {
    return submit(caller, idempotencyKey, JobInputs.SESSION_TURN, input, inputSize, true);
  }

  private Submitted submit(
      Caller caller,
      String idempotencyKey,
      String type,
      Map<String, Object> input,
      int inputSize,
      boolean checkedByCaller) {
    if (idempotencyKey == null || !idempotencyKey.matches("[\\x21-\\x7e]{1,200}")) {
      throw rejected(
          caller,
          type,
          inputSize,
          new ApiProblem(
              HttpStatus.BAD_REQUEST,
              "idempotency-key-required",
              "Idempotency-Key required",
              "Send an Idempotency-Key header (1-200 visible characters) so a retried request makes one job."));
    }
    String hash = hash(type, input);
    var earlier = jobs.byIdempotencyKey(caller.userId(), idempotencyKey);
    if (earlier.isPresent()) return same(caller, earlier.get(), hash, type, inputSize);
    try {
      if (!checkedByCaller) JobInputs.check(type, input);
      // why here: a story the caller may not change answers 404 (or 403) now, not a job that fails
      // later
      if (type.equals("story.continue") || type.startsWith("page."))
        drafts.continuable(caller, (String) input.get("story_id"), 0);
    } catch (ApiProblem invalid) {
      throw rejected(caller, type, inputSize, invalid);
    }
    long now = clock.millis();
    Job job =
        new Job(
            Ids.next("job"),
            caller.userId(),
            caller.role().name(),
            type,
            JobStatus.QUEUED,
            null,
            0,
            0,
            maxAttempts,
            idempotencyKey,
            hash,
            input,
            new LinkedHashMap<>(),
            null,
            null,
            false,
            null,
            null);
    try {
      writes.run(
          () -> {
            jobs.insert(job, now);
            events.append(job.id(), "queued", Map.of("status", "queued", "progress", 0), now);
            logs.record(caller.userId(), "job", type, inputSize, "accepted", null, job.id(), now);
          });
    } catch (org.springframework.dao.DuplicateKeyException raced) {
      return same(
          caller,
          jobs.byIdempotencyKey(caller.userId(), idempotencyKey).orElseThrow(),
          hash,
          type,
          inputSize);
    }
    doorbell.workArrived();
    return new Submitted(jobs.find(job.id()).orElseThrow(), true);
  }

  private Submitted same(Caller caller, Job earlier, String hash, String type, int inputSize) {
    if (!earlier.requestHash().equals(hash)) {
      throw rejected(
          caller,
          type,
          inputSize,
          new ApiProblem(
              HttpStatus.UNPROCESSABLE_CONTENT,
              "idempotency-key-reused",
              "Idempotency-Key reused",
              "This Idempotency-Key was used for a different request; use a new key."));
    }
    return new Submitted(earlier, false);
  }

  private ApiProblem rejected(Caller caller, String type, int inputSize, ApiProblem problem) {
    long now = clock.millis();
    writes.run(
        () ->
            logs.record(
                caller.userId(),
                "job",
                type == null ? "unknown" : type,
                inputSize,
                "rejected",
                problem.slug(),
                null,
                now));
    return problem;
  }

  /** The same type and input, whatever the order of their members, hash the same. */
  private String hash(String type, Map<String, Object> input) {
    return HexFormat.of().formatHex(Digests.sha256(type + "\n" + json.write(sorted(input))));
  }

  @SuppressWarnings("unchecked")
  private static Object sorted(Object value) {
    if (value instanceof Map<?, ?> map) {
      TreeMap<String, Object> out = new TreeMap<>();
      map.forEach((k, v) -> out.put(String.valueOf(k), sorted(v)));
      return out;
    }
    if (value instanceof java.util.List<?> list)
      return list.stream().map(JobSubmissions::sorted).toList();
    return value;
  }
}
