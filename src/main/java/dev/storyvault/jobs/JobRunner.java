package dev.storyvault.jobs;

import dev.storyvault.ai.NoProviderLeft;
import dev.storyvault.ai.ProviderFailure;
import dev.storyvault.database.WriteTransactions;
import dev.storyvault.generationlog.GenerationLogs;
import dev.storyvault.platform.ApiProblem;
import dev.storyvault.story.StoryDrafts;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Runs one claimed job to its end or to its next retry. A failure the job cannot get past (a
 * request a provider rejected, a story that cannot be saved) fails it; anything else is retried
 * with exponential backoff and jitter, resuming at the failed stage, until {@code max_attempts}:
 * then it is dead with its last error. A cancelled job stops at the next boundary and leaves no
 * half-made story.
 */
@Component
class JobRunner {

  private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

  private final Jobs jobs;
  private final JobEvents events;
  private final JobDoorbell doorbell;
  private final WriteTransactions writes;
  private final GenerationLogs logs;
  private final StoryGeneration storyGeneration;
  private final StoryContinuation storyContinuation;
  private final SessionTurns sessionTurns;
  private final PageRedo pageRedo;
  private final StoryDrafts drafts;
  private final Clock clock;
  private final long backoffMillis;

  JobRunner(
      Jobs jobs,
      JobEvents events,
      JobDoorbell doorbell,
      WriteTransactions writes,
      GenerationLogs logs,
      StoryGeneration storyGeneration,
      StoryContinuation storyContinuation,
      SessionTurns sessionTurns,
      PageRedo pageRedo,
      StoryDrafts drafts,
      Clock clock,
      @Value("${storyvault.jobs.retry-backoff:PT2S}") java.time.Duration backoff) {
    this.jobs = jobs;
    this.events = events;
    this.doorbell = doorbell;
    this.writes = writes;
    this.logs = logs;
    this.storyGeneration = storyGeneration;
    this.storyContinuation = storyContinuation;
    this.sessionTurns = sessionTurns;
    this.pageRedo = pageRedo;
    this.drafts = drafts;
    this.clock = clock;
    this.backoffMillis = backoff.toMillis();
  }

  void run(String jobId) {
    Job job = jobs.find(jobId).orElseThrow();
    JobContext context = new JobContext(job, jobs, events, doorbell, writes, clock);
    long started = clock.millis();
    try {
      doorbell.ring(job.id()); // the claim recorded attempt_started
      Map<String, Object> result =
          switch (job.type()) {
            case "story.continue" -> storyContinuation.run(context);
            case "session.turn" -> sessionTurns.run(context);
            case "noop" -> Map.of();
            case "page.illustrate" -> pageRedo.run(context, true);
            case "page.narrate" -> pageRedo.run(context, false);
            default -> storyGeneration.run(context);
          };
      end(context, JobStatus.FINAL_READY, result, null, started);
    } catch (JobContext.Cancelled cancelled) {
      Object storyId = context.state().get("story_id");
      if (storyId != null) drafts.discard((String) storyId);
      end(context, JobStatus.CANCELLED, null, null, started);
    } catch (RuntimeException e) {
      failed(context, e, started);
    }
  }

  private void failed(JobContext context, RuntimeException e, long started) {
    Job job = context.job();
    Map<String, Object> error = problem(e);
    boolean permanent =
        e instanceof ProviderFailure f && !f.allowsFallback()
            || e instanceof ApiProblem p && p.status().is4xxClientError();
    if (permanent) {
      end(context, JobStatus.FAILED, null, error, started);
    } else if (job.attempts() >= job.maxAttempts()) {
      end(context, JobStatus.DEAD, null, error, started);
    } else {
      long delay = backoffMillis << Math.min(10, job.attempts() - 1);
      long runAfter =
          clock.millis() + delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1);
      Map<String, Object> data = new LinkedHashMap<>(error);
      data.put("attempt", job.attempts());
      data.put("retry_at", java.time.Instant.ofEpochMilli(runAfter).toString());
      writes.run(
          () -> {
            jobs.later(job.id(), runAfter, error, clock.millis());
            events.append(job.id(), "retry_scheduled", data, clock.millis());
          });
      doorbell.ring(job.id());
      doorbell.workArrived();
    }
    if (!(e instanceof ProviderFailure)
        && !(e instanceof NoProviderLeft)
        && !(e instanceof ApiProblem)) {
      log.warn("Job {} attempt {} failed", job.id(), job.attempts(), e);
    } else {
      log.info("Job {} attempt {} failed: {}", job.id(), job.attempts(), error.get("detail"));
    }
  }

  private void end(
      JobContext context,
      JobStatus status,
      Map<String, Object> result,
      Map<String, Object> error,
      long started) {
    Job job = context.job();
    long now = clock.millis();
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("status", status.wireName());
    if (result != null) data.put("result", result);
    if (error != null) data.put("error", error);
    writes.run(
        () -> {
          jobs.finish(job.id(), status, result, error, now);
          events.append(job.id(), "completed", data, now);
          logs.jobEnded(
              job.id(),
              status == JobStatus.FINAL_READY ? "succeeded" : status.wireName(),
              error == null ? null : String.valueOf(error.get("detail")),
              now - started,
              context.cost(),
              context.providers(),
              (String) context.state().get("story_id"),
              now);
        });
    doorbell.ring(job.id());
  }

  /** The error as a problem document (RFC 9457 members), never a provider's body or key. */
  static Map<String, Object> problem(RuntimeException e) {
    Map<String, Object> problem = new LinkedHashMap<>();
    if (e instanceof ApiProblem p) {
      problem.put("type", "urn:storyvault:problem:" + p.slug());
      problem.put("title", p.title());
      problem.put("status", p.status().value());
      problem.put("detail", p.getMessage());
      problem.putAll(p.properties());
    } else if (e instanceof NoProviderLeft none) {
      problem.put("type", "urn:storyvault:problem:ai-unavailable");
      problem.put("title", "No provider available");
      problem.put("status", 503);
      problem.put(
          "detail",
          "No provider could answer (tried: "
              + String.join(", ", none.tried())
              + ")"
              + (none.last() == null ? "" : "; last: " + none.last().reason().wireName()));
    } else if (e instanceof ProviderFailure f) {
      problem.put("type", "urn:storyvault:problem:ai-" + f.reason().wireName());
      problem.put("title", "Provider failure");
      problem.put("status", f.allowsFallback() ? 503 : 422);
      problem.put("detail", f.getMessage());
    } else {
      problem.put("type", "urn:storyvault:problem:internal");
      problem.put("title", "Internal error");
      problem.put("status", 500);
      problem.put(
          "detail",
          "The job failed unexpectedly ("
              + e.getClass().getSimpleName()
              + "); it will be retried.");
    }
    return problem;
  }
}
