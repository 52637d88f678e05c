package dev.storyvault.export;

import dev.storyvault.delivery.BlobResponder;
import dev.storyvault.delivery.CacheTags;
import dev.storyvault.delivery.Representation;
import dev.storyvault.identity.Caller;
import dev.storyvault.story.Story;
import dev.storyvault.story.StoryCatalog;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Story exports, with the story's access rules and the delivery rules of content (ETag, ranges).
 */
@RestController
class ExportController {

  private final StoryCatalog stories;
  private final Exports exports;
  private final BlobResponder responder;

  ExportController(StoryCatalog stories, Exports exports, BlobResponder responder) {
    this.stories = stories;
    this.exports = exports;
    this.responder = responder;
  }

  @GetMapping("/api/stories/{id}/export/pdf")
  void pdf(
      Caller caller,
      @PathVariable String id,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException, InterruptedException {
    send(caller, id, ExportFormat.PDF, request, response);
  }

  @GetMapping("/api/stories/{id}/export/epub")
  void epub(
      Caller caller,
      @PathVariable String id,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException, InterruptedException {
    send(caller, id, ExportFormat.EPUB, request, response);
  }

  /**
   * A bundle for offline reading: POST because a client asks for it to be made, but made once per
   * version.
   */
  @PostMapping("/api/stories/{id}/offline")
  void offline(
      Caller caller,
      @PathVariable String id,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException, InterruptedException {
    send(caller, id, ExportFormat.OFFLINE, request, response);
  }

  private void send(
      Caller caller,
      String id,
      ExportFormat format,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException, InterruptedException {
    Story story = stories.readable(caller, id);
    CachedExport export = exports.obtain(story, format);
    List<String> keys = new ArrayList<>(List.of(CacheTags.story(story.id())));
    story.content().assetIds().forEach(asset -> keys.add(CacheTags.asset(asset)));
    CacheTags.tag(response, keys.toArray(String[]::new));
    boolean shared = caller.isAnonymous() && story.content().isPublic();
    String cacheControl =
        shared ? "public, max-age=60, stale-while-revalidate=600" : "private, no-store";
    responder.respond(
        request,
        response,
        new Representation(
            export.blob(),
            export.sizeBytes(),
            format.mimeType(),
            export.createdAt(),
            filename(story.content().title()) + "." + format.extension(),
            cacheControl));
  }

  private static String filename(String title) {
    String clean = title == null ? "" : title.replaceAll("[^\\p{L}\\p{N} _-]+", "").strip();
    if (clean.length() > 80) clean = clean.substring(0, 80).strip();
    return clean.isEmpty() ? "story" : clean;
  }
}
