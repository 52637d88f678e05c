package dev.storyvault.identity;

import dev.storyvault.platform.ApiProblem;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admins rotate the URL-signing key (old links keep working) and retire old keys (their links
 * stop).
 */
@RestController
class SigningKeysController {

  private final SignedUrls signedUrls;
  private final AuditLog audit;

  SigningKeysController(SignedUrls signedUrls, AuditLog audit) {
    this.signedUrls = signedUrls;
    this.audit = audit;
  }

  @GetMapping("/api/signing-keys")
  Map<String, Object> list(Caller caller) {
    caller.requireAdmin();
    return Map.of("items", signedUrls.keys());
  }

  @PostMapping("/api/signing-keys")
  ResponseEntity<Map<String, Object>> rotate(Caller caller) {
    caller.requireAdmin();
    SignedUrls.Key key = signedUrls.rotate();
    audit.record(caller.userId(), "signing-key.rotated", "new key " + key.id(), null);
    return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", key.id()));
  }

  @DeleteMapping("/api/signing-keys/{id}")
  ResponseEntity<Void> retire(Caller caller, @PathVariable String id) {
    caller.requireAdmin();
    if (!signedUrls.retire(id)) throw ApiProblem.notFound("live signing key");
    audit.record(caller.userId(), "signing-key.retired", "key " + id, null);
    return ResponseEntity.noContent().build();
  }
}
