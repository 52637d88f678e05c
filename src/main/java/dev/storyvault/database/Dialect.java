package dev.storyvault.database;

/**
 * Which database this is. Statements are plain SQL both accept; where they cannot be (full-text
 * search, write serialization) the choice is made once, by this value, in a configuration class.
 */
public enum Dialect {
  SQLITE,
  POSTGRESQL;

  /**
   * Appended to a SELECT that must hold its rows until the transaction ends: other writers of those
   * rows wait. why nothing on SQLite: it admits one writer at a time, so no other writer runs
   * meanwhile.
   */
  public String lockForShare() {
    return this == POSTGRESQL ? " FOR SHARE" : "";
  }

  /** The same, excluding other lockers too (the row is about to change or go). */
  public String lockForUpdate() {
    return this == POSTGRESQL ? " FOR UPDATE" : "";
  }

  /**
   * Appended to the SELECT that picks rows to claim: on PostgreSQL concurrent claimers skip each
   * other's rows instead of waiting. why nothing on SQLite: one writer at a time, so no claim runs
   * concurrently.
   */
  public String skipLocked() {
    return this == POSTGRESQL ? " FOR UPDATE SKIP LOCKED" : "";
  }

  static Dialect fromJdbcUrl(String url) {
    if (url.startsWith("jdbc:sqlite:")) return SQLITE;
    if (url.startsWith("jdbc:postgresql:")) return POSTGRESQL;
    throw new IllegalStateException(
        "Unsupported database URL (use jdbc:sqlite: or jdbc:postgresql:): " + url);
  }
}
