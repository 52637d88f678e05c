package dev.storyvault.trash;

import dev.storyvault.blob.BlobLedger;
import dev.storyvault.identity.Caller;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * For admins: {@code GET /api/admin/storage} (what is stored, per owner, what deduplication saved,
 * what is in the trash and marked as abandoned) and {@code /api/admin/cleanup} (a dry run, or the
 * cleanup now).
 */
@RestController
class StorageController {

  private final BlobLedger ledger;
  private final Trash trash;
  private final CleanupMarks marks;
  private final List<StorageUsage> usages;
  private final Cleanup cleanup;

  StorageController(
      BlobLedger ledger,
      Trash trash,
      CleanupMarks marks,
      List<StorageUsage> usages,
      Cleanup cleanup) {
    this.ledger = ledger;
    this.trash = trash;
    this.marks = marks;
    this.usages = usages;
    this.cleanup = cleanup;
  }

  @GetMapping("/api/admin/storage")
  Map<String, Object> storage(Caller caller) {
    caller.requireAdmin();
    Map<String, Map<String, Long>> owners = new TreeMap<>();
    usages.forEach(u -> u.byOwner().forEach((owner, m) -> add(owners, owner, m)));
    long[] inTrash = {0, 0};
    for (Object[] t : trash.totals()) {
      add(owners, (String) t[0], Map.of("trash_items", (Long) t[1], "trash_bytes", (Long) t[2]));
      inTrash[0] += (Long) t[1];
      inTrash[1] += (Long) t[2];
    }
    long[] marked = {0, 0};
    for (CleanupMarks.Mark m : marks.where("1 = 1")) {
      add(owners, m.ownerId(), Map.of("marked_items", 1L, "marked_bytes", m.sizeBytes()));
      marked[0]++;
      marked[1] += m.sizeBytes();
    }
    BlobLedger.Totals blobs = ledger.totals();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(
        "blobs",
        Map.of(
            "count", blobs.blobs(),
            "bytes", blobs.bytes(),
            "referenced_bytes", blobs.referencedBytes(),
            "saved_by_deduplication", blobs.savedByDeduplication()));
    body.put("trash", Map.of("items", inTrash[0], "bytes", inTrash[1]));
    body.put("marked", Map.of("items", marked[0], "bytes", marked[1]));
    body.put("owners", ownersList(owners));
    return body;
  }

  @GetMapping("/api/admin/cleanup")
  Map<String, Object> dryRun(Caller caller) {
    caller.requireAdmin();
    return cleanup.run(true);
  }

  @PostMapping("/api/admin/cleanup")
  Map<String, Object> runNow(
      Caller caller, @RequestParam(name = "dry-run", defaultValue = "false") boolean dryRun) {
    caller.requireAdmin();
    return cleanup.run(dryRun);
  }

  private static void add(
      Map<String, Map<String, Long>> owners, String owner, Map<String, Long> measures) {
    Map<String, Long> row = owners.computeIfAbsent(owner, k -> new TreeMap<>());
    measures.forEach((k, v) -> row.merge(k, v, Long::sum));
  }

  private static List<Map<String, Object>> ownersList(Map<String, Map<String, Long>> owners) {
    List<Map<String, Object>> list = new ArrayList<>();
    owners.forEach(
        (owner, measures) -> {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("owner_id", owner);
          row.putAll(measures);
          list.add(row);
        });
    list.sort(
        Comparator.comparingLong(
                (Map<String, Object> r) -> (Long) r.getOrDefault("asset_bytes", 0L))
            .reversed());
    return list.size() > 1000 ? list.subList(0, 1000) : list;
  }
}
