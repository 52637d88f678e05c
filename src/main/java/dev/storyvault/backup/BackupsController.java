package dev.storyvault.backup;

import dev.storyvault.identity.Caller;
import dev.storyvault.platform.ApiProblem;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Backups for admins: list, make one now, read a manifest, verify, prune. */
@RestController
@RequestMapping("/api/admin/backups")
class BackupsController {

  private final BackupVault vault;
  private final BackupMaker maker;
  private final BackupChecker checker;
  private final BackupPruner pruner;

  BackupsController(
      BackupVault vault, BackupMaker maker, BackupChecker checker, BackupPruner pruner) {
    this.vault = vault;
    this.maker = maker;
    this.checker = checker;
    this.pruner = pruner;
  }

  @GetMapping
  Map<String, Object> list(Caller caller) throws IOException {
    caller.requireAdmin();
    List<Map<String, Object>> items = new ArrayList<>();
    for (Manifest m : vault.all()) items.add(m.summary());
    return Map.of("items", items);
  }

  /** Makes a backup now and answers when it is complete (its manifest). */
  @PostMapping
  ResponseEntity<Map<String, Object>> create(Caller caller) throws IOException {
    caller.requireAdmin();
    Manifest made = maker.create();
    return ResponseEntity.created(URI.create("/api/admin/backups/" + made.id()))
        .body(made.summary());
  }

  @GetMapping("/{id}")
  ResponseEntity<byte[]> manifest(Caller caller, @PathVariable String id) throws IOException {
    caller.requireAdmin();
    Manifest manifest;
    try {
      manifest = vault.manifest(id).orElseThrow(() -> ApiProblem.notFound("backup"));
    } catch (Manifest.Invalid e) {
      throw ApiProblem.unprocessable(
          "backup-damaged", "The manifest of " + id + " is damaged: " + e.getMessage() + ".");
    }
    return ResponseEntity.ok()
        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
        .body(manifest.toJson());
  }

  @PostMapping("/{id}/verify")
  Map<String, Object> verify(Caller caller, @PathVariable String id) throws IOException {
    caller.requireAdmin();
    return checker.verify(id).toMap();
  }

  @PostMapping("/prune")
  Map<String, Object> prune(Caller caller) throws IOException {
    caller.requireAdmin();
    return Map.of("removed", pruner.prune());
  }
}
