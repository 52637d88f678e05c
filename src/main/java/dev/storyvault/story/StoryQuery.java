package dev.storyvault.story;

import java.time.Instant;

/**
 * A listing or search: whose stories ({@code scope}), filters (null = any), the text query, the
 * order, and where the previous page ended.
 */
record StoryQuery(
    Scope scope,
    String text,
    StoryStatus status,
    String tag,
    String category,
    String ownerId,
    String ageGroup,
    Instant createdAfter,
    Instant createdBefore,
    Instant updatedAfter,
    Instant updatedBefore,
    Sort sort,
    boolean descending,
    Cursor after,
    int limit) {

  enum Scope {
    MINE,
    SHARED,
    PUBLIC,
    ALL
  }

  enum Sort {
    // why doc_number: it follows creation order and is unique, so it orders, pages and indexes
    // alone
    CREATED_AT("s.doc_number"),
    UPDATED_AT("s.updated_at"),
    TITLE("s.title"),
    RELEVANCE(null);

    final String column;

    Sort(String column) {
      this.column = column;
    }
  }

  /** Keyset position (sort value and id) or, for relevance, an offset. */
  record Cursor(Object value, String id, int offset) {}
}
