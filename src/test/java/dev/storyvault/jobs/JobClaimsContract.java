package dev.storyvault.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyvault.database.Dialect;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Claiming jobs, on each database: oldest first, never one another worker holds, one whose lease
 * ran out again, and never more running per owner (or per type) than allowed, so one person cannot
 * starve others.
 */
abstract class JobClaimsContract {

  abstract JdbcClient jdbc();

  abstract Dialect dialect();

  private long now = 1_000_000;

  @Test
  void claimsOldestFirstAndOnlyWhatNoLiveLeaseHolds() {
    Jobs jobs = new Jobs(jdbc(), dialect());
    String first = insert(jobs, "ann", "story.generate");
    String second = insert(jobs, "bob", "story.generate");
    assertThat(jobs.claim("w1", now, now + 30_000, 10, 10)).contains(first);
    assertThat(jobs.claim("w2", now, now + 30_000, 10, 10)).contains(second);
    assertThat(jobs.claim("w3", now, now + 30_000, 10, 10)).isEmpty();
    assertThat(jobs.claim("w3", now + 31_000, now + 61_000, 10, 10))
        .as("a lease that ran out")
        .isPresent();
  }

  @Test
  void anOwnerAtTheLimitWaitsWhileOthersRun() {
    Jobs jobs = new Jobs(jdbc(), dialect());
    String a1 = insert(jobs, "ann", "story.generate");
    insert(jobs, "ann", "story.generate");
    insert(jobs, "ann", "story.generate");
    String b1 = insert(jobs, "bob", "story.generate");
    assertThat(jobs.claim("w1", now, now + 30_000, 1, 10)).contains(a1);
    assertThat(jobs.claim("w2", now, now + 30_000, 1, 10))
        .as("ann runs one already: bob goes next")
        .contains(b1);
    assertThat(jobs.claim("w3", now, now + 30_000, 1, 10)).isEmpty();
  }

  @Test
  void aTypeAtItsLimitWaits() {
    Jobs jobs = new Jobs(jdbc(), dialect());
    insert(jobs, "ann", "story.generate");
    insert(jobs, "bob", "story.generate");
    assertThat(jobs.claim("w1", now, now + 30_000, 10, 1)).isPresent();
    assertThat(jobs.claim("w2", now, now + 30_000, 10, 1)).isEmpty();
  }

  private String insert(Jobs jobs, String owner, String type) {
    now++;
    String id = "job_" + owner + now + Math.abs(System.nanoTime() % 100000);
    Map<String, Object> input = new LinkedHashMap<>(Map.of("characters", List.of("pip")));
    jobs.insert(
        new Job(
            id,
            owner + suffix,
            "USER",
            type,
            JobStatus.QUEUED,
            null,
            0,
            0,
            3,
            null,
            "h",
            input,
            new LinkedHashMap<>(),
            null,
            null,
            false,
            null,
            null),
        now);
    return id;
  }

  /** Owners unique to this run, so runs sharing a database do not see each other's jobs. */
  private final String suffix = "-" + System.nanoTime();

  Optional<String> none() {
    return Optional.empty();
  }
}
