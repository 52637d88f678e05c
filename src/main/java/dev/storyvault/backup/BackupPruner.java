package dev.storyvault.backup;

import dev.storyvault.blob.BlobId;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Keeps the newest backup of each of the last {@code keepDaily} days that have one and of each of
 * the last {@code keepWeekly} ISO weeks; removes the other manifests, then the blobs that no kept
 * backup names. Holds the backup lock, so it never runs beside a backup.
 */
@Component
class BackupPruner {

  private final BackupVault vault;
  private final BackupProperties properties;
  private final BackupLock lock;

  BackupPruner(BackupVault vault, BackupProperties properties, BackupLock lock) {
    this.vault = vault;
    this.properties = properties;
    this.lock = lock;
  }

  /** The ids of the backups removed. */
  List<String> prune() throws IOException {
    try (BackupLock.Held held = lock.hold("prune")) {
      List<Manifest> all = vault.all();
      Set<Manifest> kept = kept(all);
      Set<String> needed = new HashSet<>();
      kept.forEach(m -> needed.addAll(hashes(m)));
      List<String> removed = new ArrayList<>();
      Set<String> orphaned = new LinkedHashSet<>();
      for (Manifest m : all) {
        if (kept.contains(m)) continue;
        vault.manifests().delete(m.name());
        removed.add(m.id());
        orphaned.addAll(hashes(m));
      }
      orphaned.removeAll(needed);
      for (String hash : orphaned) vault.blobs().delete(BlobId.of(hash));
      return removed;
    }
  }

  private Set<Manifest> kept(List<Manifest> newestFirst) {
    Set<Manifest> kept = new HashSet<>();
    Set<LocalDate> days = new HashSet<>();
    Set<String> weeks = new HashSet<>();
    for (Manifest m : newestFirst) {
      LocalDate day = m.createdAt().atZone(ZoneOffset.UTC).toLocalDate();
      String week =
          day.get(IsoFields.WEEK_BASED_YEAR) + "-" + day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
      if (!days.contains(day) && days.size() < properties.keepDaily()) {
        days.add(day);
        kept.add(m);
      }
      if (!weeks.contains(week) && weeks.size() < properties.keepWeekly()) {
        weeks.add(week);
        kept.add(m);
      }
    }
    return kept;
  }

  private static Set<String> hashes(Manifest m) {
    Set<String> hashes = new HashSet<>();
    hashes.add(m.snapshot().sha256());
    m.blobs().forEach(b -> hashes.add(b.sha256()));
    return hashes;
  }
}
