package dev.storyvault.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyvault.database.WriteTransactions;
import dev.storyvault.support.ApiTestBase;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;

/**
 * The event publication registry's repository, the same on both databases: Spring Modulith's JDBC
 * one on PostgreSQL, ours on SQLite. Completed publications are deleted (completion-mode: delete).
 */
abstract class EventPublicationsContract extends ApiTestBase {

  record SomethingHappened(String id, int count) {}

  @Autowired EventPublicationRepository repository;

  @Autowired WriteTransactions writes;

  private final String id = UUID.randomUUID().toString();
  private final PublicationTargetIdentifier listener =
      PublicationTargetIdentifier.of("test.Listener.on(" + id + ")");

  @Test
  void aStoredPublicationIsIncompleteUntilMarkedCompleted() {
    SomethingHappened event = new SomethingHappened(id, 3);
    TargetEventPublication stored = publish(event, Instant.now().minusSeconds(60));

    List<TargetEventPublication> incomplete = mine(repository.findIncompletePublications());
    assertThat(incomplete).hasSize(1);
    assertThat(incomplete.getFirst().getEvent()).isEqualTo(event);
    assertThat(incomplete.getFirst().getIdentifier()).isEqualTo(stored.getIdentifier());
    assertThat(mine(repository.findIncompletePublicationsPublishedBefore(Instant.now())))
        .hasSize(1);
    assertThat(
            mine(
                repository.findIncompletePublicationsPublishedBefore(
                    Instant.now().minusSeconds(3600))))
        .isEmpty();
    assertThat(repository.findIncompletePublicationsByEventAndTargetIdentifier(event, listener))
        .isPresent();

    writes.run(() -> repository.markCompleted(event, listener, Instant.now()));
    assertThat(mine(repository.findIncompletePublications())).isEmpty();
    assertThat(repository.findIncompletePublicationsByEventAndTargetIdentifier(event, listener))
        .isEmpty();
  }

  @Test
  void aFailedPublicationCanBeFoundAndResubmittedOnce() {
    TargetEventPublication stored =
        publish(new SomethingHappened(id, 1), Instant.now().minusSeconds(5));
    writes.run(() -> repository.markFailed(stored.getIdentifier()));
    assertThat(
            mine(repository.findFailedPublications(EventPublicationRepository.FailedCriteria.ALL)))
        .hasSize(1);

    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    assertThat(writes.execute(() -> repository.markResubmitted(stored.getIdentifier(), now)))
        .isTrue();
    assertThat(writes.execute(() -> repository.markResubmitted(stored.getIdentifier(), now)))
        .as("twice")
        .isFalse();
    TargetEventPublication again = mine(repository.findIncompletePublications()).getFirst();
    assertThat(again.getStatus()).isEqualTo(EventPublication.Status.RESUBMITTED);
    assertThat(again.getCompletionAttempts()).isEqualTo(2);

    writes.run(() -> repository.markCompleted(stored.getIdentifier(), Instant.now()));
    assertThat(mine(repository.findIncompletePublications())).isEmpty();
  }

  @Test
  void publicationsCanBeDeletedById() {
    TargetEventPublication one = publish(new SomethingHappened(id, 1), Instant.now());
    TargetEventPublication two = publish(new SomethingHappened(id, 2), Instant.now());
    writes.run(() -> repository.deletePublications(List.of(one.getIdentifier())));
    assertThat(mine(repository.findIncompletePublications()))
        .extracting(TargetEventPublication::getIdentifier)
        .containsExactly(two.getIdentifier());
  }

  private TargetEventPublication publish(SomethingHappened event, Instant at) {
    TargetEventPublication publication = TargetEventPublication.of(event, listener, at);
    return writes.execute(() -> repository.create(publication));
  }

  private List<TargetEventPublication> mine(List<TargetEventPublication> all) {
    return all.stream().filter(p -> p.getTargetIdentifier().equals(listener)).toList();
  }
}
