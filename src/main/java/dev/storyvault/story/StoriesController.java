package dev.storyvault.story;

import dev.storyvault.delivery.CacheTags;
import dev.storyvault.document.MergePatch;
import dev.storyvault.document.Preconditions;
import dev.storyvault.identity.Caller;
import dev.storyvault.identity.Scope;
import dev.storyvault.platform.JsonAnswer;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.util.RawValue;

/**
 * The story documents: list and search, create, read, replace (PUT), merge-patch (PATCH), delete.
 */
@RestController
@RequestMapping("/api/stories")
class StoriesController {

  static final String ASSET_URLS = "/api/assets/";

  private final StoryAccess access;
  private final StoryEditor editor;
  private final StoryFinder finder;
  private final StoryJson json;
  private final StoryInput input;
  private final ReadingHistory history;
  private final StoryPages pages;
  private final JsonMapper mapper;

  StoriesController(
      StoryPages pages,
      JsonMapper mapper,
      StoryAccess access,
      StoryEditor editor,
      StoryFinder finder,
      StoryJson json,
      StoryInput input,
      ReadingHistory history) {
    this.pages = pages;
    this.mapper = mapper;
    this.access = access;
    this.editor = editor;
    this.finder = finder;
    this.json = json;
    this.input = input;
    this.history = history;
  }

  /**
   * why bytes for a person's own pages: they are kept as sent ({@link StoryPages}) and answered
   * from there, also by {@link StoryPageFastPath}.
   */
  @GetMapping
  ResponseEntity<?> list(
      Caller caller,
      @RequestParam Map<String, String> parameters,
      @RequestHeader(value = "Accept", required = false) String accept) {
    if (!caller.isAnonymous()) caller.requireScope(Scope.READ);
    StoryQuery query = StoryQueryParser.parse(caller, parameters);
    if (!StoryPages.applies(caller, query, parameters) || !JsonAnswer.accepted(accept))
      return ResponseEntity.ok(page(caller, query, parameters));
    byte[] page =
        pages.answer(
            caller.userId(),
            parameters,
            () -> mapper.writeValueAsBytes(page(caller, query, parameters)));
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(page);
  }

  private Map<String, Object> page(
      Caller caller, StoryQuery query, Map<String, String> parameters) {
    StoryFinder.Found page = finder.find(caller, query);
    Map<String, Object> out = new LinkedHashMap<>();
    // why raw: each listing entry is stored as JSON with its story, so it is written out as it is
    out.put(
        "items",
        "content".equals(parameters.get("include"))
            ? finder.stories(page.ids()).stream()
                .map(s -> StoryDocuments.view(s, ASSET_URLS))
                .toList()
            : finder.listings(page.ids()).stream().map(RawValue::new).toList());
    if (page.next() != null) out.put("next_cursor", StoryQueryParser.encode(page.next()));
    return out;
  }

  @PostMapping
  ResponseEntity<Map<String, Object>> create(Caller caller, HttpServletRequest request)
      throws IOException {
    caller.requireScope(Scope.WRITE);
    Story story = editor.create(caller, content(json.read(request.getInputStream())));
    return respond(ResponseEntity.created(URI.create("/api/stories/" + story.id())), story);
  }

  @GetMapping("/{id}")
  ResponseEntity<Map<String, Object>> get(
      Caller caller,
      @PathVariable String id,
      @RequestHeader(name = "If-None-Match", required = false) String ifNoneMatch) {
    Story story = access.readable(caller, id);
    history.opened(caller, story);
    if (story.etag().equals(ifNoneMatch)) {
      return cacheable(ResponseEntity.status(HttpStatus.NOT_MODIFIED), caller, story).build();
    }
    return cacheable(ResponseEntity.ok(), caller, story)
        .body(StoryDocuments.view(story, ASSET_URLS));
  }

  @PutMapping("/{id}")
  ResponseEntity<Map<String, Object>> replace(
      Caller caller,
      @PathVariable String id,
      HttpServletRequest request,
      @RequestHeader(name = "If-Match", required = false) String ifMatch)
      throws IOException {
    Story current = access.writable(caller, id);
    StoryContent content = content(json.read(request.getInputStream()));
    return respond(
        ResponseEntity.ok(), editor.update(caller, current, content, expected(ifMatch, current)));
  }

  /** JSON Merge Patch (RFC 7396) over the editable document; {@code null} removes a field. */
  @PatchMapping("/{id}")
  ResponseEntity<Map<String, Object>> patch(
      Caller caller,
      @PathVariable String id,
      HttpServletRequest request,
      @RequestHeader(name = "If-Match", required = false) String ifMatch)
      throws IOException {
    Story current = access.writable(caller, id);
    Map<String, Object> patch = json.read(request.getInputStream());
    Map<String, Object> merged =
        MergePatch.applyToObject(
            json.parse(json.write(StoryDocuments.editable(current.content()))), patch);
    return respond(
        ResponseEntity.ok(),
        editor.update(caller, current, content(merged), expected(ifMatch, current)));
  }

  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(
      Caller caller,
      @PathVariable String id,
      @RequestHeader(name = "If-Match", required = false) String ifMatch) {
    Story story = access.writable(caller, id);
    if (expected(ifMatch, story) != story.version()) throw StoryEditor.stale();
    editor.delete(story);
    return ResponseEntity.noContent().build();
  }

  private StoryContent content(Map<String, Object> document) {
    return input.content(document);
  }

  /** The version an update expects: from If-Match when sent, else the one just read. */
  static int expected(String ifMatch, Story current) {
    return (int) Preconditions.expectedVersion(ifMatch, current.version());
  }

  static ResponseEntity<Map<String, Object>> respond(
      ResponseEntity.BodyBuilder builder, Story story) {
    return builder
        .eTag(story.etag())
        .cacheControl(CacheControl.noStore().cachePrivate())
        .body(StoryDocuments.view(story, ASSET_URLS));
  }

  /**
   * A public story read without credentials is the same for everyone: a CDN may keep it briefly,
   * tagged with the story's surrogate key so that a change purges it. Everything else is private
   * and not stored.
   */
  private static ResponseEntity.BodyBuilder cacheable(
      ResponseEntity.BodyBuilder builder, Caller caller, Story story) {
    builder.eTag(story.etag());
    if (!caller.isAnonymous() || !story.content().isPublic())
      return builder.cacheControl(CacheControl.noStore().cachePrivate());
    String key = CacheTags.story(story.id());
    return builder
        .header("Cache-Control", "public, max-age=60, stale-while-revalidate=600")
        .header("Surrogate-Key", key)
        .header("Cache-Tag", key);
  }
}
