package dev.storyvault.story;

import dev.storyvault.coordination.InvalidatedCache;
import dev.storyvault.coordination.Invalidations;
import dev.storyvault.document.VersionHistory;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stories, their versions, tags and shares, in plain SQL both databases accept. */
@Repository
class Stories {

  private static final String COLUMNS =
      "id, owner_id, document, word_count, image_count, audio_duration_ms, version, created_at, updated_at";

  private final JdbcClient jdbc;
  private final StoryJson json;

  private final VersionHistory history;

  /**
   * Stories as reads see them, until a write to one commits on any instance. why so few: a parsed
   * story with its pages is tens of kilobytes; the stories read again and again are few.
   */
  private final InvalidatedCache<Optional<Story>> current;

  private final StoryPages pages;

  Stories(
      JdbcClient jdbc, StoryJson json, StoryPages pages, Clock clock, Invalidations invalidations) {
    this.pages = pages;
    this.history = new VersionHistory(jdbc, "story_versions", "story_id");
    this.jdbc = jdbc;
    this.json = json;
    this.current =
        new InvalidatedCache<>("stories", Duration.ofMinutes(10), 2_000, clock, invalidations);
  }

  /**
   * The story as it is now, remembered until it changes (see {@link #changed}). For reads only: a
   * write reads what it changes with {@link #find} inside its transaction.
   */
  Optional<Story> current(String id) {
    return current.get(id, this::find);
  }

  /**
   * Drops what {@link #current} remembers of the story and the owner's kept pages ({@link
   * StoryPages}), on every instance as the write commits.
   */
  void changed(Story s) {
    current.invalidate(s.id());
    pages.changed(s.ownerId());
  }

  /** A story's stored JSON: the document (its editable content) and its listing entry. */
  record Serialized(String document, String listing) {}

  /**
   * why a step of its own: written once per change, before the transaction, so no other writer
   * waits for it.
   */
  Serialized serialize(Story s) {
    return new Serialized(json.write(StoryDocuments.editable(s.content())), listingOf(s));
  }

  private String listingOf(Story s) {
    return json.write(StoryDocuments.summary(s));
  }

  /** {@code index}: the search index's own columns on the row, if it keeps any there. */
  void insert(Story s, long docNumber, Serialized stored, StorySearch.RowColumns index) {
    changed(s);
    // why Arrays.asList: category and age group may be null, which List.of refuses
    List<Object> parameters =
        new ArrayList<>(
            Arrays.asList(
                s.id(),
                docNumber,
                s.ownerId(),
                s.content().title(),
                s.content().status().name(),
                s.content().category(),
                s.content().ageGroup(),
                s.content().isPublic(),
                s.version(),
                stored.document(),
                stored.listing(),
                s.metadata().wordCount(),
                s.metadata().imageCount(),
                Math.round(s.metadata().audioDuration() * 1000),
                s.createdAt().toEpochMilli(),
                s.updatedAt().toEpochMilli()));
    parameters.addAll(index.parameters());
    jdbc.sql(
            "INSERT INTO stories (id, doc_number, owner_id, title, status, category, age_group, is_public, version,"
                + " document, listing, word_count, image_count, audio_duration_ms, created_at, updated_at"
                + index.names()
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?"
                + index.values()
                + ")")
        .params(parameters)
        .update();
    insertTagsAndShares(s);
  }

  /**
   * Writes {@code s} only if the stored version is still {@code expected}; false if someone else
   * won.
   */
  boolean update(Story s, int expected, Serialized stored) {
    changed(s);
    int rows =
        jdbc.sql(
                """
                UPDATE stories SET title = ?, status = ?, category = ?, age_group = ?, is_public = ?, version = ?,
                    document = ?, listing = ?, word_count = ?, image_count = ?, audio_duration_ms = ?, updated_at = ?
                WHERE id = ? AND version = ?""")
            .params(
                s.content().title(),
                s.content().status().name(),
                s.content().category(),
                s.content().ageGroup(),
                s.content().isPublic(),
                s.version(),
                stored.document(),
                stored.listing(),
                s.metadata().wordCount(),
                s.metadata().imageCount(),
                Math.round(s.metadata().audioDuration() * 1000),
                s.updatedAt().toEpochMilli(),
                s.id(),
                expected)
            .update();
    if (rows == 1) {
      jdbc.sql("DELETE FROM story_tags WHERE story_id = ?").param(s.id()).update();
      jdbc.sql("DELETE FROM story_shares WHERE story_id = ?").param(s.id()).update();
      insertTagsAndShares(s);
    }
    return rows == 1;
  }

  /**
   * why by text: the snapshot is the stored document plus metadata, so the document's JSON is
   * reused, not rewritten.
   */
  void recordVersion(Story s, String authorId, String document) {
    String snapshot =
        document.substring(0, document.lastIndexOf('}'))
            + ",\"metadata\":"
            + json.write(StoryDocuments.metadata(s.metadata()))
            + "}";
    history.record(s.id(), s.version(), snapshot, authorId, s.updatedAt());
  }

  Optional<Story> find(String id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM stories WHERE id = ?")
        .param(id)
        .query(this::story)
        .optional();
  }

  List<Story> findAll(List<String> ids) {
    if (ids.isEmpty()) return List.of();
    return jdbc.sql("SELECT " + COLUMNS + " FROM stories WHERE id IN (" + marks(ids.size()) + ")")
        .params(ids)
        .query(this::story)
        .list();
  }

  private static String marks(int count) {
    return String.join(",", Collections.nCopies(count, "?"));
  }

  /**
   * The listing entries of {@code ids} as stored JSON, by id; an entry missing from the row
   * (written before the column existed) is built from the document.
   */
  Map<String, String> listings(List<String> ids) {
    if (ids.isEmpty()) return Map.of();
    Map<String, String> out = new HashMap<>();
    List<String> unlisted = new ArrayList<>();
    jdbc.sql("SELECT id, listing FROM stories WHERE id IN (" + marks(ids.size()) + ")")
        .params(ids)
        .query(
            rs -> {
              if (rs.getString(2) == null) unlisted.add(rs.getString(1));
              else out.put(rs.getString(1), rs.getString(2));
            });
    findAll(unlisted).forEach(s -> out.put(s.id(), listingOf(s)));
    return out;
  }

  record VersionEntry(int version, String title, String authorId, Instant createdAt) {}

  List<VersionEntry> versions(String id) {
    return history.list(id).stream()
        .map(
            v ->
                new VersionEntry(
                    v.version(),
                    String.valueOf(json.parse(v.document()).get("title")),
                    v.authorId(),
                    v.createdAt()))
        .toList();
  }

  Optional<Map<String, Object>> versionDocument(String id, int version) {
    return history.document(id, version).map(json::parse);
  }

  /** The ids of the stories {@code userId} owns, and of those shared with them. */
  List<String> ownedBy(String userId) {
    return jdbc.sql("SELECT id FROM stories WHERE owner_id = ? ORDER BY id")
        .param(userId)
        .query(String.class)
        .list();
  }

  List<String> sharedWith(String userId) {
    return jdbc.sql("SELECT story_id FROM story_shares WHERE user_id = ? ORDER BY story_id")
        .param(userId)
        .query(String.class)
        .list();
  }

  /** The stored document and versions of a story as written (for a person's export). */
  Optional<String> storedDocument(String id) {
    return jdbc.sql("SELECT document FROM stories WHERE id = ?")
        .param(id)
        .query(String.class)
        .optional();
  }

  List<VersionHistory.Version> storedVersions(String id) {
    return history.list(id);
  }

  /** A person's authorship and mentions in other stories' versions go to {@code heir}. */
  int forget(String userId, String heir) {
    int changed = history.forget(userId, heir);
    return changed + jdbc.sql("DELETE FROM story_shares WHERE user_id = ?").param(userId).update();
  }

  /** Story ids in id order after {@code after}, {@code limit} of them (for a walk over all). */
  List<String> idsAfter(String after, int limit) {
    return jdbc.sql("SELECT id FROM stories WHERE id > ? ORDER BY id LIMIT ?")
        .params(after, limit)
        .query(String.class)
        .list();
  }

  void delete(Story s) {
    changed(s);
    jdbc.sql("DELETE FROM stories WHERE id = ?").param(s.id()).update();
  }

  List<String> expiredDrafts(long cutoffMillis, int limit) {
    return jdbc.sql(
            "SELECT id FROM stories WHERE status = 'DRAFT' AND updated_at < ? ORDER BY updated_at LIMIT ?")
        .params(cutoffMillis, limit)
        .query(String.class)
        .list();
  }

  void insertTagsAndShares(Story s) {
    for (String tag : s.content().tags()) {
      jdbc.sql("INSERT INTO story_tags (story_id, tag) VALUES (?, ?)").params(s.id(), tag).update();
    }
    for (String user : s.content().sharedWith().stream().distinct().toList()) {
      jdbc.sql("INSERT INTO story_shares (story_id, user_id) VALUES (?, ?)")
          .params(s.id(), user)
          .update();
    }
  }

  private Story story(ResultSet rs, int row) throws SQLException {
    StoryContent content = StoryValidator.validate(json.parse(rs.getString(3)));
    int words = rs.getInt(4);
    StoryMetadata metadata =
        new StoryMetadata(
            words,
            StoryMetadata.readingMinutes(words),
            rs.getInt(5),
            content.pages().size(),
            rs.getLong(6) / 1000.0);
    return new Story(
        rs.getString(1),
        rs.getString(2),
        content,
        metadata,
        rs.getInt(7),
        Instant.ofEpochMilli(rs.getLong(8)),
        Instant.ofEpochMilli(rs.getLong(9)));
  }
}
