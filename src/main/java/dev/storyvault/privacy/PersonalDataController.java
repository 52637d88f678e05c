package dev.storyvault.privacy;

import dev.storyvault.blob.BlobId;
import dev.storyvault.blob.BlobStore;
import dev.storyvault.identity.Caller;
import dev.storyvault.identity.Role;
import dev.storyvault.identity.Scope;
import dev.storyvault.identity.SignedUrls;
import dev.storyvault.identity.Users;
import dev.storyvault.platform.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A person's export and erasure. {@code GET /api/users/me/export} answers the zip at once for an
 * account up to {@code storyvault.personal-data.inline-export-limit}, and starts a background
 * export for a larger one (202, like {@code POST /api/users/me/exports}); a ready export is
 * downloaded through a signed link that lives a quarter of an hour.
 */
@RestController
class PersonalDataController {

  private static final long LINK_SECONDS = 15 * 60;

  private final PersonalDataExport writer;
  private final ExportPreparation preparation;
  private final PersonalExports exports;
  private final PersonalDataErasure erasure;
  private final Users users;
  private final SignedUrls signedUrls;
  private final BlobStore blobs;
  private final Clock clock;
  private final long inlineLimit;

  PersonalDataController(
      PersonalDataExport writer,
      ExportPreparation preparation,
      PersonalExports exports,
      PersonalDataErasure erasure,
      Users users,
      SignedUrls signedUrls,
      BlobStore blobs,
      Clock clock,
      @Value("${storyvault.personal-data.inline-export-limit:64MB}") DataSize inlineLimit) {
    this.writer = writer;
    this.preparation = preparation;
    this.exports = exports;
    this.erasure = erasure;
    this.users = users;
    this.signedUrls = signedUrls;
    this.blobs = blobs;
    this.clock = clock;
    this.inlineLimit = inlineLimit.toBytes();
  }

  @GetMapping("/api/users/me/export")
  ResponseEntity<Map<String, Object>> export(Caller caller, HttpServletResponse response)
      throws IOException {
    caller.requireAuthenticated();
    if (writer.sizeBytes(caller.userId()) > inlineLimit) return started(caller);
    response.setContentType("application/zip");
    response.setHeader("Content-Disposition", "attachment; filename=\"storyvault-data.zip\"");
    response.setHeader("Cache-Control", "private, no-store");
    try (OutputStream out = response.getOutputStream()) {
      writer.write(caller.userId(), out);
    }
    return null;
  }

  @PostMapping("/api/users/me/exports")
  ResponseEntity<Map<String, Object>> startExport(Caller caller) {
    caller.requireAuthenticated();
    return started(caller);
  }

  private ResponseEntity<Map<String, Object>> started(Caller caller) {
    String id = preparation.start(caller.userId());
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .header("Location", "/api/users/me/exports/" + id)
        .body(view(exports.find(id).orElseThrow()));
  }

  @GetMapping("/api/users/me/exports/{id}")
  Map<String, Object> status(Caller caller, @PathVariable String id) {
    caller.requireAuthenticated();
    return view(own(caller, id));
  }

  @GetMapping("/api/personal-exports/{id}/download")
  void download(@PathVariable String id, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    signedUrls.verify(
        request.getRequestURI(),
        request.getParameter("expires"),
        request.getParameter("kid"),
        request.getParameter("sig"));
    PersonalExports.Export export =
        exports
            .find(id)
            .filter(e -> e.status().equals("ready"))
            .orElseThrow(() -> ApiProblem.notFound("export"));
    response.setContentType("application/zip");
    response.setContentLengthLong(export.sizeBytes());
    response.setHeader("Content-Disposition", "attachment; filename=\"storyvault-data.zip\"");
    response.setHeader("Cache-Control", "private, no-store");
    try (InputStream in = blobs.open(BlobId.of(export.blobHash()), 0, export.sizeBytes());
        OutputStream out = response.getOutputStream()) {
      in.transferTo(out);
    }
  }

  @DeleteMapping({"/api/users/me/data", "/api/user/data"})
  Map<String, Object> eraseOwn(Caller caller) {
    caller.requireAuthenticated();
    // why: a key that may only read must not be able to erase an account; a guest's token may
    if (caller.role() != Role.GUEST) caller.requireScope(Scope.WRITE);
    return Map.of("erased", true, "removed", erasure.erase(caller.userId()));
  }

  @DeleteMapping("/api/admin/users/{id}/data")
  Map<String, Object> eraseAsAdmin(Caller caller, @PathVariable String id) {
    caller.requireAdmin();
    if (users.find(id).isEmpty()) throw ApiProblem.notFound("user");
    return Map.of("erased", true, "removed", erasure.erase(id));
  }

  private PersonalExports.Export own(Caller caller, String id) {
    return exports
        .find(id)
        .filter(e -> e.userId().equals(caller.userId()))
        .orElseThrow(() -> ApiProblem.notFound("export"));
  }

  private Map<String, Object> view(PersonalExports.Export e) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", e.id());
    body.put("status", e.status());
    body.put("created_at", e.createdAt().toString());
    body.put("expires_at", e.expiresAt().toString());
    if (e.sizeBytes() != null) body.put("size_bytes", e.sizeBytes());
    if (e.error() != null) body.put("error", e.error());
    if (e.status().equals("ready"))
      body.put(
          "download_url",
          signedUrls.sign(
              "/api/personal-exports/" + e.id() + "/download",
              clock.millis() / 1000 + LINK_SECONDS));
    return body;
  }
}
