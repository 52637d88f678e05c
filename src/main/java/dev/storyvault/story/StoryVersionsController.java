package dev.storyvault.story;

import dev.storyvault.identity.Caller;
import dev.storyvault.platform.ApiProblem;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Every change made a version: list them, read one, restore one (which makes a new version). */
@RestController
@RequestMapping("/api/stories/{id}/versions")
class StoryVersionsController {

  private final StoryAccess access;
  private final Stories stories;
  private final StoryEditor editor;
  private final StoryInput input;

  StoryVersionsController(
      StoryAccess access, Stories stories, StoryEditor editor, StoryInput input) {
    this.access = access;
    this.stories = stories;
    this.editor = editor;
    this.input = input;
  }

  @GetMapping
  Map<String, Object> list(Caller caller, @PathVariable String id) {
    Story story = access.readable(caller, id);
    return Map.of(
        "items",
        stories.versions(story.id()).stream()
            .map(
                v -> {
                  Map<String, Object> entry = new LinkedHashMap<>();
                  entry.put("version", v.version());
                  entry.put("title", v.title());
                  entry.put("author_id", v.authorId());
                  entry.put("created_at", v.createdAt().toString());
                  return entry;
                })
            .toList());
  }

  @GetMapping("/{version}")
  Map<String, Object> get(Caller caller, @PathVariable String id, @PathVariable int version) {
    Story story = access.readable(caller, id);
    Map<String, Object> document = new LinkedHashMap<>(document(story, version));
    document.put("id", story.id());
    document.put("owner_id", story.ownerId());
    document.put("version", version);
    return document;
  }

  @PostMapping("/{version}/restore")
  ResponseEntity<Map<String, Object>> restore(
      Caller caller,
      @PathVariable String id,
      @PathVariable int version,
      @RequestHeader(name = "If-Match", required = false) String ifMatch) {
    Story current = access.writable(caller, id);
    Map<String, Object> document = new LinkedHashMap<>(document(current, version));
    document.remove("metadata");
    StoryContent content = input.content(document);
    Story restored =
        editor.update(caller, current, content, StoriesController.expected(ifMatch, current));
    return StoriesController.respond(ResponseEntity.ok(), restored);
  }

  private Map<String, Object> document(Story story, int version) {
    return stories
        .versionDocument(story.id(), version)
        .orElseThrow(() -> ApiProblem.notFound("story version"));
  }
}
