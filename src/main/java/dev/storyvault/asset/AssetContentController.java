package dev.storyvault.asset;

import dev.storyvault.identity.Caller;
import dev.storyvault.identity.Scope;
import dev.storyvault.platform.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Upload, replace and delete assets. Reading them is in {@link AssetDocumentsController}; bytes in
 * {@link AssetDelivery}.
 */
@RestController
@RequestMapping("/api/assets")
class AssetContentController {

  private final Uploads uploads;
  private final AssetAccess access;
  private final AssetRemoval removal;

  AssetContentController(Uploads uploads, AssetAccess access, AssetRemoval removal) {
    this.uploads = uploads;
    this.access = access;
    this.removal = removal;
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<AssetView> uploadForm(
      Caller caller,
      @RequestParam("file") MultipartFile file,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String type,
      @RequestParam(name = "story_id", required = false) String storyId,
      @RequestParam(name = "public", defaultValue = "false") boolean isPublic,
      @RequestParam(required = false) String metadata,
      @RequestParam(required = false) String filename)
      throws IOException {
    requireUploader(caller);
    String name = filename != null ? filename : file.getOriginalFilename();
    try (InputStream body = file.getInputStream()) {
      return created(
          uploads.create(caller, request(kind, type, storyId, name, isPublic, metadata), body));
    }
  }

  @PostMapping
  ResponseEntity<AssetView> uploadRaw(
      Caller caller,
      HttpServletRequest http,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String type,
      @RequestParam(name = "story_id", required = false) String storyId,
      @RequestParam(name = "public", defaultValue = "false") boolean isPublic,
      @RequestHeader(name = "X-Asset-Metadata", required = false) String metadata,
      @RequestHeader(name = "X-Filename", required = false) String filename)
      throws IOException {
    requireUploader(caller);
    String name = filename != null ? filename : dispositionFilename(http);
    return created(
        uploads.create(
            caller, request(kind, type, storyId, name, isPublic, metadata), http.getInputStream()));
  }

  @PutMapping(path = "/{id}/content", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  AssetView replaceForm(
      Caller caller, @PathVariable String id, @RequestParam("file") MultipartFile file)
      throws IOException {
    Asset asset = access.writable(caller, id);
    try (InputStream body = file.getInputStream()) {
      return uploads.replace(asset, file.getOriginalFilename(), body);
    }
  }

  @PutMapping("/{id}/content")
  AssetView replaceRaw(
      Caller caller,
      @PathVariable String id,
      HttpServletRequest http,
      @RequestHeader(name = "X-Filename", required = false) String filename)
      throws IOException {
    Asset asset = access.writable(caller, id);
    String name = filename != null ? filename : dispositionFilename(http);
    return uploads.replace(asset, name != null ? name : asset.filename(), http.getInputStream());
  }

  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(Caller caller, @PathVariable String id) {
    removal.remove(access.writable(caller, id));
    return ResponseEntity.noContent().build();
  }

  /** Writers upload; guests too, within their small quota (checked while receiving). */
  private static void requireUploader(Caller caller) {
    if (caller.isGuest()) return;
    caller.requireScope(Scope.WRITE);
  }

  private static UploadRequest request(
      String kind,
      String type,
      String storyId,
      String filename,
      boolean isPublic,
      String metadata) {
    String declared = kind != null ? kind : type;
    if (storyId != null && !storyId.matches("[A-Za-z0-9_-]{1,64}")) {
      throw ApiProblem.badRequest(
          "invalid-story-id", "story_id must be 1-64 letters, digits, '-' or '_'.");
    }
    return new UploadRequest(
        Optional.ofNullable(declared).map(AssetKind::parse), storyId, filename, isPublic, metadata);
  }

  private static String dispositionFilename(HttpServletRequest http) {
    String header = http.getHeader("Content-Disposition");
    if (header == null) return null;
    try {
      return org.springframework.http.ContentDisposition.parse(header).getFilename();
    } catch (IllegalArgumentException malformed) {
      return null;
    }
  }

  private static ResponseEntity<AssetView> created(AssetView view) {
    return ResponseEntity.created(URI.create("/api/assets/" + view.id())).body(view);
  }

  static Map<String, Object> page(List<?> items, String nextCursor) {
    return nextCursor == null
        ? Map.of("items", items)
        : Map.of("items", items, "next_cursor", nextCursor);
  }
}
