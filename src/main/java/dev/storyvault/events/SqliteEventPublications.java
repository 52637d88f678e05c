package dev.storyvault.events;

import dev.storyvault.database.WriteTransactions;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.EventPublication.Status;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.util.ClassUtils;

/**
 * Spring Modulith's event publication registry on SQLite, which its JDBC module does not support.
 * Same table and semantics as its PostgreSQL repository; completed publications are deleted. Writes
 * go through {@link WriteTransactions}, so they join the publishing transaction or queue for
 * SQLite's one writer.
 */
final class SqliteEventPublications implements EventPublicationRepository {

  private static final String COLUMNS =
      "id, listener_id, event_type, serialized_event, publication_date, "
          + "completion_date, status, completion_attempts, last_resubmission_date";

  private final JdbcClient jdbc;
  private final EventSerializer serializer;
  private final WriteTransactions writes;

  SqliteEventPublications(JdbcClient jdbc, EventSerializer serializer, WriteTransactions writes) {
    this.jdbc = jdbc;
    this.serializer = serializer;
    this.writes = writes;
  }

  @Override
  public TargetEventPublication create(TargetEventPublication publication) {
    writes.run(
        () ->
            jdbc.sql(
                    "INSERT INTO event_publication ("
                        + COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, NULL, ?, 1, ?)")
                .params(
                    publication.getIdentifier().toString(),
                    publication.getTargetIdentifier().getValue(),
                    publication.getEvent().getClass().getName(),
                    serialized(publication.getEvent()),
                    publication.getPublicationDate().toEpochMilli(),
                    publication.getStatus().name(),
                    publication.getPublicationDate().toEpochMilli())
                .update());
    return publication;
  }

  @Override
  public void markProcessing(UUID identifier) {
    setStatus(identifier, Status.PROCESSING);
  }

  @Override
  public void markFailed(UUID identifier) {
    setStatus(identifier, Status.FAILED);
  }

  @Override
  public boolean markResubmitted(UUID identifier, Instant when) {
    return writes.execute(
        () ->
            jdbc.sql(
                        """
                UPDATE event_publication SET status = 'RESUBMITTED', completion_attempts = completion_attempts + 1,
                last_resubmission_date = ? WHERE id = ? AND status <> 'RESUBMITTED'""")
                    .params(when.toEpochMilli(), identifier.toString())
                    .update()
                == 1);
  }

  @Override
  public void markCompleted(
      Object event, PublicationTargetIdentifier identifier, Instant completionDate) {
    writes.run(
        () ->
            jdbc.sql("DELETE FROM event_publication WHERE listener_id = ? AND serialized_event = ?")
                .params(identifier.getValue(), serialized(event))
                .update());
  }

  @Override
  public void markCompleted(UUID identifier, Instant completionDate) {
    deletePublications(List.of(identifier));
  }

  @Override
  public List<TargetEventPublication> findIncompletePublications() {
    return select("ORDER BY publication_date");
  }

  @Override
  public List<TargetEventPublication> findIncompletePublicationsPublishedBefore(Instant instant) {
    return select("WHERE publication_date < ? ORDER BY publication_date", instant.toEpochMilli());
  }

  @Override
  public Optional<TargetEventPublication> findIncompletePublicationsByEventAndTargetIdentifier(
      Object event, PublicationTargetIdentifier target) {
    return select(
            "WHERE serialized_event = ? AND listener_id = ? ORDER BY publication_date LIMIT 1",
            serialized(event),
            target.getValue())
        .stream()
        .findFirst();
  }

  @Override
  public List<TargetEventPublication> findCompletedPublications() {
    return List.of(); // why: completed publications are deleted, never kept
  }

  @Override
  public List<TargetEventPublication> findFailedPublications(FailedCriteria criteria) {
    Instant before = criteria.getPublicationDateReference();
    long limit = criteria.getMaxItemsToRead() < 0 ? Long.MAX_VALUE : criteria.getMaxItemsToRead();
    return select(
        "WHERE status = 'FAILED' AND publication_date < ? ORDER BY publication_date LIMIT ?",
        before == null ? Long.MAX_VALUE : before.toEpochMilli(),
        limit);
  }

  @Override
  public List<TargetEventPublication> findByStatus(Status status) {
    return select("WHERE status = ? ORDER BY publication_date", status.name());
  }

  @Override
  public int countByStatus(Status status) {
    return jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE status = ?")
        .param(status.name())
        .query(Integer.class)
        .single();
  }

  @Override
  public void deletePublications(List<UUID> identifiers) {
    writes.run(
        () ->
            identifiers.forEach(
                id ->
                    jdbc.sql("DELETE FROM event_publication WHERE id = ?")
                        .param(id.toString())
                        .update()));
  }

  @Override
  public void deleteCompletedPublications() {}

  @Override
  public void deleteCompletedPublicationsBefore(Instant instant) {}

  private void setStatus(UUID identifier, Status status) {
    writes.run(
        () ->
            jdbc.sql("UPDATE event_publication SET status = ? WHERE id = ?")
                .params(status.name(), identifier.toString())
                .update());
  }

  private List<TargetEventPublication> select(String where, Object... params) {
    return jdbc
        .sql("SELECT " + COLUMNS + " FROM event_publication " + where)
        .params(params)
        .query(this::publication)
        .list()
        .stream()
        .filter(p -> p != null)
        .toList();
  }

  private String serialized(Object event) {
    return serializer.serialize(event).toString();
  }

  private TargetEventPublication publication(ResultSet rs, int row) throws SQLException {
    Class<?> type;
    try {
      type = ClassUtils.forName(rs.getString("event_type"), getClass().getClassLoader());
    } catch (ClassNotFoundException | LinkageError gone) {
      return null; // why: an event type removed by an upgrade cannot be delivered; Modulith's
      // repository skips it too
    }
    String json = rs.getString("serialized_event");
    long resubmitted = rs.getLong("last_resubmission_date");
    return new StoredPublication(
        UUID.fromString(rs.getString("id")),
        PublicationTargetIdentifier.of(rs.getString("listener_id")),
        () -> serializer.deserialize(json, type),
        Instant.ofEpochMilli(rs.getLong("publication_date")),
        Status.valueOf(rs.getString("status")),
        rs.wasNull() ? null : Instant.ofEpochMilli(resubmitted),
        rs.getInt("completion_attempts"));
  }
}
