package dev.storyvault.jobs;

import java.util.LinkedHashMap;
import java.util.Map;

/** A job as the API shows it (snake_case; the error is a problem document). */
final class JobViews {

  private JobViews() {}

  /**
   * 201 with the job's location when the request made it; 200 when its Idempotency-Key made it
   * before.
   */
  static org.springframework.http.ResponseEntity<Map<String, Object>> answer(
      JobSubmissions.Submitted submitted) {
    var response =
        submitted.created()
            ? org.springframework.http.ResponseEntity.created(
                java.net.URI.create("/api/jobs/" + submitted.job().id()))
            : org.springframework.http.ResponseEntity.ok();
    return response.body(of(submitted.job()));
  }

  static Map<String, Object> of(Job job) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", job.id());
    view.put("type", job.type());
    view.put("status", job.status().wireName());
    view.put("stage", job.stage());
    view.put("progress", job.progress());
    view.put("attempts", job.attempts());
    view.put("max_attempts", job.maxAttempts());
    view.put("owner_id", job.ownerId());
    view.put("input", job.input());
    view.put(
        "story_id",
        job.state().get("story_id")); // why: a reader may open page 1 while page 5 is drawn
    view.put("result", job.result());
    view.put("error", job.error());
    view.put("created_at", job.createdAt() == null ? null : job.createdAt().toString());
    view.put("updated_at", job.updatedAt() == null ? null : job.updatedAt().toString());
    return view;
  }
}
