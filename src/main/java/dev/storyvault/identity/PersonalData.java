package dev.storyvault.identity;

import java.io.IOException;

/**
 * What one module keeps about a person, for their export and their erasure. Each module implements
 * it for its own tables; {@link PersonalDataErasure} and {@link PersonalDataExport} run them in
 * their {@code @Order} (content first, assets after what references them, the account last).
 */
public interface PersonalData {

  /** The folder of the export zip this module writes, and its name in an erasure's summary. */
  String section();

  /** Writes what the person owns into {@code archive}, under {@link #section()}. */
  void export(String userId, PersonalArchive archive) throws IOException;

  /** About how many bytes the export would hold (files, mostly); 0 when small. */
  default long sizeBytes(String userId) {
    return 0;
  }

  /**
   * Removes what the person owns; safe to run again (an erasure interrupted by a crash is run again
   * from the start). {@code heir}: the placeholder account that keeps what other people's content
   * still uses. Returns how many items were removed.
   */
  int erase(String userId, String heir);
}
