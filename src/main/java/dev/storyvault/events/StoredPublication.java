package dev.storyvault.events;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;

/**
 * An event publication read back from the SQLite registry; its event is deserialized when first
 * asked for.
 */
final class StoredPublication implements TargetEventPublication {

  private final UUID id;
  private final PublicationTargetIdentifier target;
  private final Supplier<Object> event;
  private final Instant publishedAt;
  private final Instant lastResubmission;
  private final int attempts;
  private Status status;
  private Instant completedAt;
  private Object deserialized;

  StoredPublication(
      UUID id,
      PublicationTargetIdentifier target,
      Supplier<Object> event,
      Instant publishedAt,
      Status status,
      Instant lastResubmission,
      int attempts) {
    this.id = id;
    this.target = target;
    this.event = event;
    this.publishedAt = publishedAt;
    this.status = status;
    this.lastResubmission = lastResubmission;
    this.attempts = attempts;
  }

  @Override
  public UUID getIdentifier() {
    return id;
  }

  @Override
  public synchronized Object getEvent() {
    if (deserialized == null) deserialized = event.get();
    return deserialized;
  }

  @Override
  public PublicationTargetIdentifier getTargetIdentifier() {
    return target;
  }

  @Override
  public Instant getPublicationDate() {
    return publishedAt;
  }

  @Override
  public Optional<Instant> getCompletionDate() {
    return Optional.ofNullable(completedAt);
  }

  @Override
  public Status getStatus() {
    return status;
  }

  @Override
  public Instant getLastResubmissionDate() {
    return lastResubmission;
  }

  @Override
  public int getCompletionAttempts() {
    return attempts;
  }

  @Override
  public void markCompleted(Instant instant) {
    completedAt = instant;
    status = Status.COMPLETED;
  }
}
