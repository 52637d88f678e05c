package dev.storyvault.asset;

import dev.storyvault.database.WriteTransactions;
import dev.storyvault.identity.Caller;
import dev.storyvault.identity.Scope;
import dev.storyvault.identity.SignedUrls;
import dev.storyvault.platform.ApiProblem;
import dev.storyvault.platform.Ids;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Asset documents: list, read, versions, and changes to their metadata and visibility. */
@RestController
@RequestMapping("/api/assets")
class AssetDocumentsController {

  private final Clock clock;
  private final WriteTransactions writes;
  private final PublicBlobs publicBlobs;

  private final Assets assets;
  private final AssetAccess access;
  private final MetadataJson metadata;
  private final AssetReferences references;
  private final SignedUrls signedUrls;
  private final VariantCatalog catalog;
  private final ApplicationEventPublisher events;

  AssetDocumentsController(
      Assets assets,
      AssetAccess access,
      MetadataJson metadata,
      AssetReferences references,
      SignedUrls signedUrls,
      VariantCatalog catalog,
      org.springframework.context.ApplicationEventPublisher events,
      Clock clock,
      WriteTransactions writes,
      PublicBlobs publicBlobs) {
    this.clock = clock;
    this.writes = writes;
    this.publicBlobs = publicBlobs;
    this.catalog = catalog;
    this.events = events;
    this.assets = assets;
    this.access = access;
    this.metadata = metadata;
    this.references = references;
    this.signedUrls = signedUrls;
  }

  @GetMapping
  Map<String, Object> list(
      Caller caller,
      @RequestParam(required = false) String type,
      @RequestParam(required = false) String kind,
      @RequestParam(name = "story_id", required = false) String storyId,
      @RequestParam(name = "owner_id", required = false) String ownerId,
      @RequestParam(name = "created_after", required = false) String createdAfter,
      @RequestParam(name = "created_before", required = false) String createdBefore,
      @RequestParam(required = false) String cursor,
      @RequestParam(defaultValue = "20") int limit) {
    caller.requireScope(Scope.READ);
    if (limit < 1 || limit > 100)
      throw ApiProblem.badRequest("invalid-limit", "limit must be between 1 and 100.");
    String owner = caller.isAdmin() && ownerId != null ? ownerId : caller.userId();
    String declared = kind != null ? kind : type;
    AssetQuery query =
        new AssetQuery(
            owner,
            declared == null ? null : AssetKind.parse(declared),
            storyId,
            instant("created_after", createdAfter),
            instant("created_before", createdBefore),
            decode(cursor),
            limit + 1);
    List<Asset> page = assets.page(query);
    List<AssetView> items = page.stream().limit(limit).map(this::view).toList();
    String next = page.size() > limit ? encode(items.getLast().id()) : null;
    return AssetContentController.page(items, next);
  }

  @GetMapping("/{id}")
  ResponseEntity<AssetView> get(Caller caller, @PathVariable String id) {
    Assets.Current current = access.readableNow(caller, id);
    return ResponseEntity.ok().eTag(etag(current.asset())).body(view(current));
  }

  /**
   * A signed, expiring URL for this asset's content (or one version): shareable, CDN-cacheable, no
   * key needed.
   */
  @PostMapping("/{id}/signed-url")
  Map<String, Object> signedUrl(
      Caller caller,
      @PathVariable String id,
      @RequestBody(required = false) Map<String, Object> request) {
    Asset asset = access.writable(caller, id);
    Map<String, Object> options = request == null ? Map.of() : request;
    long seconds = options.get("expires_in") instanceof Number n ? n.longValue() : 3600;
    if (seconds < 1 || seconds > 7 * 24 * 3600) {
      throw ApiProblem.badRequest("invalid-expiry", "expires_in is between 1 second and 7 days.");
    }
    String path =
        "/api/assets/"
            + asset.id()
            + (options.get("version") instanceof Integer v
                ? "/versions/" + access.version(asset, v).version()
                : "")
            + "/content";
    long expires = clock.millis() / 1000 + seconds;
    return Map.of(
        "url",
        signedUrls.sign(path, expires),
        "expires_at",
        Instant.ofEpochSecond(expires).toString());
  }

  /** Which documents (stories, collections) use this asset. */
  @GetMapping("/{id}/references")
  Map<String, Object> references(Caller caller, @PathVariable String id) {
    Asset asset = access.readable(caller, id);
    return Map.of("items", references.all(asset.id()));
  }

  @GetMapping("/{id}/versions")
  Map<String, Object> versions(Caller caller, @PathVariable String id) {
    Asset asset = access.readable(caller, id);
    return Map.of("items", assets.versions(asset.id()).stream().map(VersionView::of).toList());
  }

  /** Changes visibility, metadata or story; JSON Merge Patch semantics for the top-level fields. */
  @PatchMapping("/{id}")
  ResponseEntity<AssetView> change(
      Caller caller, @PathVariable String id, @RequestBody Map<String, Object> patch) {
    Asset asset = access.writable(caller, id);
    for (String field : patch.keySet()) {
      if (!List.of("public", "metadata", "story_id").contains(field)) {
        throw ApiProblem.badRequest(
            "unknown-field", "Unknown field '" + field + "': use public, metadata or story_id.");
      }
    }
    if (patch.containsKey("public") && !(patch.get("public") instanceof Boolean)) {
      throw ApiProblem.badRequest("invalid-public", "public must be true or false.");
    }
    Object story = patch.get("story_id");
    if (story != null && !(story instanceof String s && s.matches("[A-Za-z0-9_-]{1,64}"))) {
      throw ApiProblem.badRequest(
          "invalid-story-id", "story_id must be 1-64 letters, digits, '-' or '_'.");
    }
    boolean isPublic =
        patch.containsKey("public") ? (Boolean) patch.get("public") : asset.isPublic();
    String meta =
        patch.containsKey("metadata")
            ? metadata.write(metadata.parse(metadata.write(asObject(patch.get("metadata")))))
            : asset.metadataJson();
    String storyId = patch.containsKey("story_id") ? (String) story : asset.storyId();
    Asset changed =
        new Asset(
            asset.id(),
            asset.ownerId(),
            storyId,
            asset.kind(),
            asset.filename(),
            isPublic,
            asset.currentVersion(),
            meta,
            asset.createdAt(),
            clock.instant());
    writes.run(
        () -> {
          assets.update(changed);
          publicBlobs.visibilityChanging(asset, isPublic);
          events.publishEvent(new AssetChanged(changed.id(), changed.ownerId()));
        });
    return ResponseEntity.ok().eTag(etag(changed)).body(view(changed));
  }

  private AssetView view(Asset asset) {
    return view(new Assets.Current(asset, access.current(asset)));
  }

  AssetView view(Assets.Current current) {
    Asset asset = current.asset();
    return AssetView.of(
        asset,
        current.version(),
        metadata.parse(asset.metadataJson()),
        catalog.urls(asset, current.version()));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asObject(Object value) {
    if (value == null) return Map.of();
    if (!(value instanceof Map<?, ?>))
      throw ApiProblem.badRequest("invalid-metadata", "metadata must be a JSON object.");
    return (Map<String, Object>) value;
  }

  static String etag(Asset asset) {
    return "\""
        + asset.id()
        + "-"
        + asset.currentVersion()
        + "-"
        + asset.updatedAt().toEpochMilli()
        + "\"";
  }

  private static Instant instant(String name, String value) {
    if (value == null) return null;
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw ApiProblem.badRequest(
          "invalid-time", name + " must be an RFC 3339 time such as 2026-01-31T12:00:00Z.");
    }
  }

  private static String encode(String id) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(id.getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(String cursor) {
    if (cursor == null) return null;
    try {
      String id = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (!Ids.looksValid(id)) throw new IllegalArgumentException();
      return id;
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest("invalid-cursor", "The cursor is not one this server returned.");
    }
  }
}
