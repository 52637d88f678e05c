package dev.storyvault.story;

import dev.storyvault.document.Preconditions;
import java.time.Instant;

/** A stored story: its content at {@code version}, who owns it, and what was computed from it. */
public record Story(
    String id,
    String ownerId,
    StoryContent content,
    StoryMetadata metadata,
    int version,
    Instant createdAt,
    Instant updatedAt) {

  public String etag() {
    return Preconditions.etag(version);
  }
}
