package dev.storyvault.backup;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The backup module's API for the operator command line: each operation as a JSON-ready map, and
 * whether it succeeded.
 */
@org.springframework.stereotype.Component
public class BackupOperations {

  /** What an operation answered, and whether it succeeded. */
  public record Outcome(boolean ok, Map<String, Object> body) {
    public String json() {
      return JSON.writeValueAsString(body);
    }
  }

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final BackupMaker maker;
  private final BackupChecker checker;
  private final BackupPruner pruner;
  private final BackupVault vault;
  private final BackupRestorer restorer;
  private final EmbeddedMigration migration;

  BackupOperations(
      BackupMaker maker,
      BackupChecker checker,
      BackupPruner pruner,
      BackupVault vault,
      BackupRestorer restorer,
      EmbeddedMigration migration) {
    this.migration = migration;
    this.restorer = restorer;
    this.maker = maker;
    this.checker = checker;
    this.pruner = pruner;
    this.vault = vault;
  }

  /** {@code progress} hears (blobs done, blobs in all) as blobs are copied or found. */
  public Outcome create(java.util.function.BiConsumer<Integer, Integer> progress)
      throws IOException {
    Manifest made = maker.create(id -> {}, progress);
    return new Outcome(true, made.summary());
  }

  public Outcome list() throws IOException {
    List<Map<String, Object>> items = new ArrayList<>();
    for (Manifest m : vault.all()) items.add(m.summary());
    return new Outcome(true, Map.of("items", items));
  }

  public Outcome verify(String id) throws IOException {
    BackupChecker.Report report = checker.verify(id);
    return new Outcome(report.ok(), report.toMap());
  }

  /**
   * Restores into this installation, which must hold no content; blobs first, the database second,
   * then the result is checked.
   */
  public Outcome restore(String id, java.util.function.BiConsumer<Integer, Integer> progress)
      throws IOException {
    long start = System.nanoTime();
    List<String> problems = restorer.restore(id, progress);
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Outcome(
        problems.isEmpty(),
        Map.of("id", id, "ok", problems.isEmpty(), "problems", problems, "seconds", seconds));
  }

  /**
   * Moves the embedded installation in {@code dataDir} into this (scale-out) one; {@code replace}:
   * whatever this one holds is replaced (a second run after an interrupted one).
   */
  public Outcome migrate(
      java.nio.file.Path dataDir,
      boolean replace,
      java.util.function.Consumer<String> say,
      java.util.function.BiConsumer<Integer, Integer> progress)
      throws IOException {
    EmbeddedMigration.Result result = migration.migrate(dataDir, replace, say, progress);
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("ok", result.problems().isEmpty());
    body.put("source", dataDir.toAbsolutePath().toString());
    body.put("tables", result.tables());
    body.put("blobs", result.blobs());
    body.put("copied_blobs", result.copiedBlobs());
    body.put("copied_bytes", result.copiedBytes());
    body.put("rebuilt", result.rebuilt());
    body.put("problems", result.problems());
    return new Outcome(result.problems().isEmpty(), body);
  }

  public Outcome prune() throws IOException {
    return new Outcome(true, Map.of("removed", pruner.prune()));
  }
}
