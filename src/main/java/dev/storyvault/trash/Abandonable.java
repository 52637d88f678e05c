package dev.storyvault.trash;

import java.time.Instant;
import java.util.List;

/**
 * A module whose items can be abandoned: made, then never used and untouched (an asset nothing
 * references, a story whose generation never finished). The nightly cleanup marks them and, after
 * the grace period, asks the module to remove those still abandoned.
 */
public interface Abandonable {

  /** An abandoned item: what it is, whose, and what removing it frees. */
  record Candidate(String itemId, String ownerId, String title, long sizeBytes) {}

  String kind();

  /** Items untouched since {@code cutoff} and never used, oldest first, at most {@code limit}. */
  List<Candidate> abandoned(Instant cutoff, int limit);

  /**
   * In one transaction, with the item locked: removes it if it is still abandoned (a reference made
   * since saves it); whether it was removed.
   */
  boolean removeIfAbandoned(String itemId, Instant cutoff);
}
