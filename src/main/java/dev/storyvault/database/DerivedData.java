package dev.storyvault.database;

/**
 * What a module keeps beside its rows that a copy between the two kinds of database does not carry
 * (the full-text index, a sequence, indexes made per collection). After such a copy (an embedded
 * installation moved to scale-out) each is rebuilt from the copied rows.
 */
public interface DerivedData {

  /** What is rebuilt, for progress lines. */
  String name();

  /** Rebuilds it from the rows; safe to run again. */
  void rebuild();
}
