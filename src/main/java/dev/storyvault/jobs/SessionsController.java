package dev.storyvault.jobs;

import dev.storyvault.database.WriteTransactions;
import dev.storyvault.document.BoundedJson;
import dev.storyvault.document.JsonLimits;
import dev.storyvault.document.Preconditions;
import dev.storyvault.identity.Caller;
import dev.storyvault.platform.ApiProblem;
import dev.storyvault.platform.Ids;
import dev.storyvault.story.Page;
import dev.storyvault.story.Story;
import dev.storyvault.story.StoryCatalog;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Interactive sessions: start from a story (its version and bible pinned) or from characters;
 * continue with a choice or free text (the next beat is made by a job; If-Match or {@code
 * expected_turn} guard against a stale view: 412; the same continue twice is one turn); read, list
 * own, delete. Guests may play; sessions expire after inactivity.
 */
@RestController
class SessionsController {

  private final BoundedJson json =
      new BoundedJson(JsonLimits.requestBody("A session request", 16 * 1024, 8));
  private final StorySessions sessions;
  private final StoryCatalog stories;
  private final JobSubmissions submissions;
  private final SessionLifetimes lifetimes;
  private final WriteTransactions writes;
  private final Clock clock;

  SessionsController(
      StorySessions sessions,
      StoryCatalog stories,
      JobSubmissions submissions,
      SessionLifetimes lifetimes,
      WriteTransactions writes,
      Clock clock) {
    this.sessions = sessions;
    this.stories = stories;
    this.submissions = submissions;
    this.lifetimes = lifetimes;
    this.writes = writes;
    this.clock = clock;
  }

  @PostMapping("/api/sessions")
  ResponseEntity<Map<String, Object>> start(Caller caller, HttpServletRequest request)
      throws IOException {
    caller.requireAuthenticated();
    Map<String, Object> body = json.readObject(request.getInputStream());
    StorySessions.Session session =
        body.get("story_id") instanceof String storyId
            ? fromStory(caller, storyId)
            : fromCharacters(caller, JobInputs.strings(body, "characters"));
    writes.run(() -> sessions.insert(session, clock.millis()));
    return ResponseEntity.created(URI.create("/api/sessions/" + session.id()))
        .eTag(Preconditions.etag(session.version()))
        .body(view(session));
  }

  @GetMapping({"/api/sessions/{id}", "/api/story/session/{id}"})
  ResponseEntity<Map<String, Object>> get(Caller caller, @PathVariable String id) {
    StorySessions.Session session = visible(caller, id);
    return ResponseEntity.ok().eTag(Preconditions.etag(session.version())).body(view(session));
  }

  @GetMapping("/api/sessions")
  Map<String, Object> list(Caller caller) {
    caller.requireAuthenticated();
    return Map.of(
        "items",
        sessions.byOwner(caller.userId(), clock.millis(), 100).stream()
            .map(this::summary)
            .toList());
  }

  @DeleteMapping("/api/sessions/{id}")
  ResponseEntity<Void> delete(Caller caller, @PathVariable String id) {
    StorySessions.Session session = visible(caller, id);
    writes.run(() -> sessions.delete(session.id()));
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/api/sessions/{id}/continue")
  ResponseEntity<Map<String, Object>> continueSession(
      Caller caller,
      @PathVariable String id,
      HttpServletRequest request,
      @RequestHeader(name = "If-Match", required = false) String ifMatch)
      throws IOException {
    StorySessions.Session session = visible(caller, id);
    Map<String, Object> body = json.readObject(request.getInputStream());
    String kind = body.get("choice") != null ? "choice" : "text";
    if (!(body.get(kind) instanceof String said) || said.isBlank() || said.length() > 2000) {
      throw ApiProblem.badRequest(
          "invalid-turn", "Send a choice or a text (at most 2,000 characters).");
    }
    int turn = session.turns() + 1;
    if (body.get("expected_turn") != null) {
      if (!(body.get("expected_turn") instanceof Integer expected) || expected < 1) {
        throw ApiProblem.badRequest(
            "invalid-turn", "expected_turn is the number of the turn this makes.");
      }
      turn = expected;
    } else if (Preconditions.expectedVersion(ifMatch, session.version()) < 0) {
      throw Preconditions.stale("session");
    }
    if (turn > session.turns() + 1) throw Preconditions.stale("session");
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("session_id", session.id());
    input.put("turn", turn);
    input.put("kind", kind);
    input.put("input", body.get(kind));
    String key = "session:" + session.id() + ":" + turn;
    // why a key per turn: the same continue sent twice finds the first one's job; another one for
    // a turn already played (a stale view) is refused
    JobSubmissions.Submitted submitted;
    try {
      submitted = submissions.submitTurn(caller, key, input, body.toString().length());
    } catch (ApiProblem reused) {
      if (reused.slug().equals("idempotency-key-reused")) throw Preconditions.stale("session");
      throw reused;
    }
    if (submitted.created() && turn <= session.turns()) throw Preconditions.stale("session");
    writes.run(
        () -> sessions.touch(session.id(), lifetimes.expiry(session.ownerRole()), clock.millis()));
    return JobViews.answer(submitted);
  }

  private StorySessions.Session fromStory(Caller caller, String storyId) {
    Story story = stories.readable(caller, storyId);
    List<Page> pages = story.content().pages();
    String summary = pages.isEmpty() ? "" : pages.getLast().text();
    return new StorySessions.Session(
        Ids.next("ses"),
        caller.userId(),
        caller.role().name(),
        story.id(),
        story.version(),
        story.content().bible(),
        story.content().characters(),
        ThreadLocalRandom.current().nextLong(1, 1L << 40),
        new LinkedHashMap<>(),
        summary,
        1,
        0,
        Instant.ofEpochMilli(lifetimes.expiry(caller.role().name())),
        null);
  }

  private StorySessions.Session fromCharacters(Caller caller, List<String> characters) {
    if (characters.isEmpty() || characters.size() > 12) {
      throw ApiProblem.badRequest(
          "invalid-session", "Start from a story_id you can read, or from 1-12 characters.");
    }
    return new StorySessions.Session(
        Ids.next("ses"),
        caller.userId(),
        caller.role().name(),
        null,
        null,
        Map.of(),
        characters,
        ThreadLocalRandom.current().nextLong(1, 1L << 40),
        new LinkedHashMap<>(),
        "",
        1,
        0,
        Instant.ofEpochMilli(lifetimes.expiry(caller.role().name())),
        null);
  }

  private StorySessions.Session visible(Caller caller, String id) {
    caller.requireAuthenticated();
    return sessions
        .find(id, clock.millis())
        .filter(s -> caller.isAdmin() || s.ownerId().equals(caller.userId()))
        .orElseThrow(() -> ApiProblem.notFound("session"));
  }

  private Map<String, Object> view(StorySessions.Session s) {
    Map<String, Object> view = summary(s);
    view.put("characters", s.characters());
    view.put("variables", s.variables());
    view.put("summary", s.summary());
    view.put("seed", s.seed());
    view.put(
        "turns",
        sessions.turns(s.id()).stream()
            .map(
                t -> {
                  Map<String, Object> turn = new LinkedHashMap<>();
                  turn.put("turn", t.turn());
                  turn.put("kind", t.kind());
                  turn.put("input", t.input());
                  turn.put("text", t.text());
                  turn.put("provider", t.provider());
                  turn.put("job_id", t.jobId());
                  turn.put("created_at", t.createdAt().toString());
                  return turn;
                })
            .toList());
    return view;
  }

  private Map<String, Object> summary(StorySessions.Session s) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", s.id());
    view.put("owner_id", s.ownerId());
    view.put("story_id", s.storyId());
    view.put("story_version", s.storyVersion());
    view.put("version", s.version());
    view.put("turn_count", s.turns());
    view.put("expires_at", s.expiresAt().toString());
    return view;
  }
}
