package dev.storyvault.story;

import dev.storyvault.asset.AssetDirectory;
import dev.storyvault.identity.Caller;
import dev.storyvault.platform.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Share links: the owner makes and revokes them; whoever holds one reads that story, and the assets
 * its pages use, at /api/shared/{token} without any other credential.
 */
@RestController
class ShareLinksController {

  private final StoryAccess access;
  private final Stories stories;
  private final ShareLinks links;
  private final AssetDirectory assets;

  ShareLinksController(
      StoryAccess access, Stories stories, ShareLinks links, AssetDirectory assets) {
    this.access = access;
    this.stories = stories;
    this.links = links;
    this.assets = assets;
  }

  @PostMapping("/api/stories/{id}/share-links")
  ResponseEntity<Map<String, Object>> create(Caller caller, @PathVariable String id) {
    Story story = access.writable(caller, id);
    ShareLinks.Issued issued = links.issue(story.id());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", issued.id());
    body.put("token", issued.token());
    body.put("url", "/api/shared/" + issued.token());
    body.put("created_at", issued.createdAt().toString());
    return ResponseEntity.status(HttpStatus.CREATED).body(body);
  }

  @GetMapping("/api/stories/{id}/share-links")
  Map<String, Object> list(Caller caller, @PathVariable String id) {
    Story story = access.writable(caller, id);
    return Map.of(
        "items",
        links.of(story.id()).stream()
            .map(
                l -> {
                  Map<String, Object> entry = new LinkedHashMap<>();
                  entry.put("id", l.id());
                  entry.put("created_at", l.createdAt().toString());
                  entry.put("revoked_at", l.revokedAt() == null ? null : l.revokedAt().toString());
                  return entry;
                })
            .toList());
  }

  @DeleteMapping("/api/stories/{id}/share-links/{linkId}")
  ResponseEntity<Void> revoke(Caller caller, @PathVariable String id, @PathVariable String linkId) {
    Story story = access.writable(caller, id);
    if (!links.revoke(story.id(), linkId)) throw ApiProblem.notFound("share link");
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/api/shared/{token}")
  ResponseEntity<Map<String, Object>> read(@PathVariable String token) {
    Story story = shared(token);
    return ResponseEntity.ok()
        .eTag(story.etag())
        .cacheControl(CacheControl.noStore())
        .body(StoryDocuments.view(story, "/api/shared/" + token + "/assets/"));
  }

  @GetMapping("/api/shared/{token}/assets/{assetId}/content")
  void asset(
      @PathVariable String token,
      @PathVariable String assetId,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    Story story = shared(token);
    if (!story.content().assetIds().contains(assetId)) throw ApiProblem.notFound("asset");
    assets.deliverGranted(assetId, request, response);
  }

  private Story shared(String token) {
    return links
        .storyOf(token)
        .flatMap(stories::find)
        .orElseThrow(() -> ApiProblem.notFound("shared story"));
  }
}
