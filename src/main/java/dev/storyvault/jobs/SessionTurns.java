package dev.storyvault.jobs;

import dev.storyvault.ai.Generation;
import dev.storyvault.ai.Routed;
import dev.storyvault.ai.StoryBrief;
import dev.storyvault.ai.TextRequest;
import dev.storyvault.ai.TextResult;
import dev.storyvault.continuity.Bible;
import dev.storyvault.continuity.ContinuityIssue;
import dev.storyvault.continuity.ContinuityValidator;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code session.turn}: the next beat of an interactive session from its pinned bible, its last
 * beats and the player's choice or text. The turn is appended only if the session is still at the
 * turn before (compare and set), so a continue that was sent twice, or a job resumed after a crash,
 * makes one turn.
 */
@Component
class SessionTurns {

  private static final Duration STEP = Duration.ofSeconds(60);

  private final Generation generation;
  private final StorySessions sessions;
  private final SessionLifetimes lifetimes;
  private final Clock clock;
  private final ContinuityValidator validator = new ContinuityValidator();

  SessionTurns(
      Generation generation, StorySessions sessions, SessionLifetimes lifetimes, Clock clock) {
    this.generation = generation;
    this.sessions = sessions;
    this.lifetimes = lifetimes;
    this.clock = clock;
  }

  Map<String, Object> run(JobContext job) {
    String sessionId = (String) job.input().get("session_id");
    int turn = ((Number) job.input().get("turn")).intValue();
    StorySessions.Session session =
        sessions
            .find(sessionId, clock.millis())
            .orElseThrow(() -> dev.storyvault.platform.ApiProblem.notFound("session"));
    if (session.turns() < turn) play(job, session, turn);
    return Map.of("session_id", sessionId, "turn", turn);
  }

  private void play(JobContext job, StorySessions.Session session, int turn) {
    job.stage("script_expansion", JobStatus.PROCESSING, 10);
    List<String> recent =
        sessions.turns(session.id()).stream()
            .map(StorySessions.Turn::text)
            .reduce((a, b) -> b)
            .map(List::of)
            .orElse(List.of(session.summary().isBlank() ? "" : session.summary()));
    String wish = (String) job.input().get("input");
    StoryBrief brief =
        new StoryBrief(
            null,
            List.of(),
            session.characters(),
            null,
            null,
            1,
            null,
            session.bible(),
            recent,
            wish);
    Routed<TextResult> routed =
        generation.text(new TextRequest(List.of(), 1024, session.seed() + turn, brief), STEP, null);
    job.used(routed);
    job.stage("continuity_validation", JobStatus.SCRIPT_READY, 50);
    Bible bible = Bible.of(session.bible());
    if (bible.characters().isEmpty()) bible = Bible.ofNames(session.characters());
    List<ContinuityIssue> issues = validator.check(routed.result().text(), bible, turn);
    String text = validator.autoCorrect(routed.result().text(), issues);
    String summary = (session.summary() + " " + text).strip();
    String trimmed = summary.length() > 4000 ? summary.substring(summary.length() - 4000) : summary;
    job.step(
        "turn_played",
        Map.of("turn", turn),
        90,
        () ->
            sessions.appendTurn(
                session.id(),
                new StorySessions.Turn(
                    turn,
                    (String) job.input().get("kind"),
                    wish == null ? "" : wish,
                    text,
                    routed.provider(),
                    job.job().id(),
                    null),
                trimmed,
                lifetimes.expiry(session.ownerRole()),
                clock.millis()));
  }
}
