package dev.storyvault.jobs;

import dev.storyvault.database.WriteTransactions;
import dev.storyvault.document.BoundedJson;
import dev.storyvault.document.Cursors;
import dev.storyvault.document.JsonLimits;
import dev.storyvault.identity.Caller;
import dev.storyvault.identity.Scope;
import dev.storyvault.platform.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Jobs over HTTP: create (idempotent), read, list, cancel, retry, and watch as server-sent events.
 */
@RestController
class JobsController {

  private static final long KEEPALIVE_MILLIS = 15_000;

  private final BoundedJson json =
      new BoundedJson(JsonLimits.requestBody("A job request", 64 * 1024, 16));
  private final JobSubmissions submissions;
  private final Jobs jobs;
  private final JobEvents events;
  private final JobDoorbell doorbell;
  private final WriteTransactions writes;
  private final Clock clock;

  JobsController(
      JobSubmissions submissions,
      Jobs jobs,
      JobEvents events,
      JobDoorbell doorbell,
      WriteTransactions writes,
      Clock clock) {
    this.submissions = submissions;
    this.jobs = jobs;
    this.events = events;
    this.doorbell = doorbell;
    this.writes = writes;
    this.clock = clock;
  }

  @PostMapping("/api/jobs")
  ResponseEntity<Map<String, Object>> create(
      Caller caller,
      HttpServletRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false) String key)
      throws IOException {
    caller.requireScope(Scope.WRITE);
    byte[] raw = request.getInputStream().readNBytes(64 * 1024 + 1);
    Map<String, Object> body = json.readObject(new java.io.ByteArrayInputStream(raw));
    Object type = body.get("type");
    Object input = body.get("input") == null ? Map.of() : body.get("input");
    if (!(type instanceof String t) || !(input instanceof Map<?, ?> in)) {
      throw JobInputs.invalid("type", "Send {\"type\": \"story.generate\", \"input\": {…}}.");
    }
    @SuppressWarnings("unchecked")
    JobSubmissions.Submitted submitted =
        submissions.submit(caller, key, t, (Map<String, Object>) in, raw.length);
    return JobViews.answer(submitted);
  }

  /** The seed's shortcut: a story from parameters (a {@code story.generate} job). */
  @PostMapping("/api/story/start")
  ResponseEntity<Map<String, Object>> start(
      Caller caller,
      HttpServletRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false) String key)
      throws IOException {
    return shortcut(caller, request, key, "story.generate", Map.of());
  }

  /** The seed's shortcut: the next page of {@code story_id} (a {@code story.continue} job). */
  @PostMapping("/api/story/continue")
  ResponseEntity<Map<String, Object>> continueStory(
      Caller caller,
      HttpServletRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false) String key)
      throws IOException {
    return shortcut(caller, request, key, "story.continue", Map.of());
  }

  @PostMapping("/api/stories/{id}/continue")
  ResponseEntity<Map<String, Object>> continueThis(
      Caller caller,
      @PathVariable String id,
      HttpServletRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false) String key)
      throws IOException {
    return shortcut(caller, request, key, "story.continue", Map.of("story_id", id));
  }

  private ResponseEntity<Map<String, Object>> shortcut(
      Caller caller, HttpServletRequest request, String key, String type, Map<String, Object> fixed)
      throws IOException {
    caller.requireScope(Scope.WRITE);
    byte[] raw = request.getInputStream().readNBytes(64 * 1024 + 1);
    Map<String, Object> input =
        new LinkedHashMap<>(json.readObject(new java.io.ByteArrayInputStream(raw)));
    input.putAll(fixed);
    JobSubmissions.Submitted submitted = submissions.submit(caller, key, type, input, raw.length);
    return JobViews.answer(submitted);
  }

  @GetMapping("/api/jobs/{id}")
  Map<String, Object> get(Caller caller, @PathVariable String id) {
    return JobViews.of(visible(caller, id));
  }

  @GetMapping("/api/jobs")
  Map<String, Object> list(
      Caller caller,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String type,
      @RequestParam(required = false) String cursor,
      @RequestParam(defaultValue = "20") int limit) {
    caller.requireAuthenticated();
    if (limit < 1 || limit > 100)
      throw ApiProblem.badRequest("invalid-limit", "limit is 1 to 100.");
    JobStatus wanted = null;
    if (status != null) {
      try {
        wanted = JobStatus.parse(status);
      } catch (IllegalArgumentException e) {
        throw ApiProblem.badRequest("invalid-status", "Unknown status '" + status + "'.");
      }
    }
    long[] beforeAt = null;
    String beforeId = null;
    if (cursor != null) {
      List<String> parts = Cursors.decode(cursor);
      try {
        beforeAt = new long[] {Long.parseLong(parts.get(0))};
        beforeId = parts.get(1);
      } catch (RuntimeException e) {
        throw Cursors.invalid();
      }
    }
    List<Job> page =
        jobs.list(
            caller.isAdmin() ? null : caller.userId(), wanted, type, beforeAt, beforeId, limit + 1);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("items", page.stream().limit(limit).map(JobViews::of).toList());
    if (page.size() > limit) {
      Job last = page.get(limit - 1);
      out.put(
          "next_cursor",
          Cursors.encode(List.of(String.valueOf(last.createdAt().toEpochMilli()), last.id())));
    }
    return out;
  }

  @PostMapping("/api/jobs/{id}/cancel")
  Map<String, Object> cancel(Caller caller, @PathVariable String id) {
    caller.requireScope(Scope.WRITE);
    Job job = visible(caller, id);
    long now = clock.millis();
    writes.run(
        () -> {
          if (jobs.cancelQueued(job.id(), now)) {
            events.append(job.id(), "completed", Map.of("status", "cancelled"), now);
          } else if (jobs.requestCancel(job.id(), now)) {
            events.append(job.id(), "cancel_requested", Map.of(), now);
          }
        });
    doorbell.ring(job.id());
    return JobViews.of(jobs.find(job.id()).orElseThrow());
  }

  @PostMapping("/api/jobs/{id}/retry")
  Map<String, Object> retry(Caller caller, @PathVariable String id) {
    caller.requireScope(Scope.WRITE);
    Job job = visible(caller, id);
    long now = clock.millis();
    boolean requeued =
        writes.execute(
            () -> {
              if (!jobs.requeue(job.id(), now)) return false;
              events.append(job.id(), "queued", Map.of("status", "queued", "retry", true), now);
              return true;
            });
    if (!requeued) {
      throw new ApiProblem(
          HttpStatus.CONFLICT,
          "job-not-retryable",
          "Not retryable",
          "Only failed and dead jobs can be retried; this one is " + job.status().wireName() + ".");
    }
    doorbell.ring(job.id());
    doorbell.workArrived();
    return JobViews.of(jobs.find(job.id()).orElseThrow());
  }

  /**
   * Events from {@code Last-Event-ID} on (from the database), then live ones; a comment every 15 s;
   * ends after the final event.
   */
  @GetMapping("/api/jobs/{id}/events")
  void events(
      Caller caller,
      @PathVariable String id,
      HttpServletResponse response,
      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId)
      throws IOException, InterruptedException {
    Job job = visible(caller, id);
    long after = 0;
    try {
      if (lastEventId != null) after = Long.parseLong(lastEventId.trim());
    } catch (NumberFormatException e) {
      throw ApiProblem.badRequest(
          "invalid-last-event-id", "Last-Event-ID is the id of an event this stream sent.");
    }
    response.setContentType("text/event-stream");
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("X-Accel-Buffering", "no");
    OutputStream out = response.getOutputStream();
    out.flush();
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.HOURS.toNanos(1);
    while (System.nanoTime() < deadline) {
      for (JobEvents.Event e : events.after(job.id(), after, 500)) {
        out.write(
            ("id: " + e.seq() + "\nevent: " + e.type() + "\ndata: " + e.data() + "\n\n")
                .getBytes(StandardCharsets.UTF_8));
        after = e.seq();
        if (e.type().equals("completed")) {
          out.flush();
          return;
        }
      }
      out.flush();
      long waitedFrom = System.nanoTime();
      doorbell.awaitEvents(job.id(), KEEPALIVE_MILLIS);
      if (System.nanoTime() - waitedFrom >= KEEPALIVE_MILLIS * 1_000_000 - 1_000_000) {
        out.write(": keepalive\n\n".getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  /** The job as the caller may see it: their own, or any for admins; else 404. */
  private Job visible(Caller caller, String id) {
    caller.requireAuthenticated();
    return jobs.find(id)
        .filter(j -> caller.isAdmin() || j.ownerId().equals(caller.userId()))
        .orElseThrow(() -> ApiProblem.notFound("job"));
  }
}
