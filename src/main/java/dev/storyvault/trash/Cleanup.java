package dev.storyvault.trash;

import dev.storyvault.database.WriteTransactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The nightly cleanup of abandoned content: what has been unused and untouched for {@code
 * storyvault.cleanup.abandoned-after} is marked; a mark whose grace period is over is purged if the
 * item is still abandoned (checked again inside the purging transaction); a mark on an item that
 * has been used since is removed. A dry run reports the same without changing anything.
 */
@Component
public class Cleanup {

  private static final Logger log = LoggerFactory.getLogger(Cleanup.class);
  private static final int LIMIT = 10_000;

  private final List<Abandonable> modules;
  private final CleanupMarks marks;
  private final WriteTransactions writes;
  private final Clock clock;
  private final Duration abandonedAfter;
  private final Duration grace;

  Cleanup(
      List<Abandonable> modules,
      CleanupMarks marks,
      WriteTransactions writes,
      Clock clock,
      @Value("${storyvault.cleanup.abandoned-after:P1D}") Duration abandonedAfter,
      @Value("${storyvault.cleanup.grace-period:P7D}") Duration grace) {
    this.modules = modules;
    this.marks = marks;
    this.writes = writes;
    this.clock = clock;
    this.abandonedAfter = abandonedAfter;
    this.grace = grace;
  }

  /** Runs the cleanup (or, {@code dryRun}, says what it would do); what it did, with sizes. */
  public Map<String, Object> run(boolean dryRun) {
    Instant now = clock.instant();
    Instant cutoff = now.minus(abandonedAfter);
    List<Map<String, Object>> purged = new ArrayList<>();
    List<Map<String, Object>> marked = new ArrayList<>();
    List<Map<String, Object>> waiting = new ArrayList<>();
    int saved = 0;
    for (Abandonable module : modules) {
      List<Abandonable.Candidate> candidates = module.abandoned(cutoff, LIMIT);
      Set<String> abandoned =
          candidates.stream().map(Abandonable.Candidate::itemId).collect(Collectors.toSet());
      Map<String, CleanupMarks.Mark> existing =
          marks.where("kind = ?", module.kind()).stream()
              .collect(Collectors.toMap(CleanupMarks.Mark::itemId, m -> m));
      for (CleanupMarks.Mark mark : existing.values()) {
        if (!abandoned.contains(mark.itemId())) {
          saved++;
          if (!dryRun) writes.run(() -> marks.unmark(mark.kind(), mark.itemId()));
        } else if (mark.purgeAfter().isBefore(now)) {
          if (dryRun || purge(module, mark, cutoff)) purged.add(view(mark));
        } else waiting.add(view(mark));
      }
      for (Abandonable.Candidate c : candidates) {
        if (existing.containsKey(c.itemId())) continue;
        marked.add(view(module.kind(), c, now.plus(grace)));
        if (!dryRun) writes.run(() -> marks.mark(module.kind(), c, now, now.plus(grace)));
      }
    }
    if (!dryRun && (purged.size() + marked.size() > 0))
      log.info("Cleanup purged {} abandoned items and marked {}", purged.size(), marked.size());
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("dry_run", dryRun);
    report.put("abandoned_before", cutoff.toString());
    report.put(dryRun ? "would_purge" : "purged", purged);
    report.put("purged_bytes", bytes(purged));
    report.put(dryRun ? "would_mark" : "marked", marked);
    report.put("marked_bytes", bytes(marked));
    report.put("waiting", waiting);
    report.put("waiting_bytes", bytes(waiting));
    report.put(dryRun ? "would_unmark" : "unmarked", saved);
    return report;
  }

  private boolean purge(Abandonable module, CleanupMarks.Mark mark, Instant cutoff) {
    return writes.execute(
        () -> {
          marks.unmark(mark.kind(), mark.itemId());
          return module.removeIfAbandoned(mark.itemId(), cutoff);
        });
  }

  private static long bytes(List<Map<String, Object>> items) {
    return items.stream().mapToLong(i -> (Long) i.get("size_bytes")).sum();
  }

  private static Map<String, Object> view(CleanupMarks.Mark m) {
    return view(
        m.kind(),
        new Abandonable.Candidate(m.itemId(), m.ownerId(), m.title(), m.sizeBytes()),
        m.purgeAfter());
  }

  private static Map<String, Object> view(
      String kind, Abandonable.Candidate c, Instant purgeAfter) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("kind", kind);
    item.put("id", c.itemId());
    item.put("owner_id", c.ownerId());
    item.put("title", c.title());
    item.put("size_bytes", c.sizeBytes());
    item.put("purge_after", purgeAfter.toString());
    return item;
  }
}
