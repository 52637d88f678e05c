package dev.storyvault.collection;

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

/**
 * A document's versions: every change is kept, can be read, and restored as a new version (the
 * seed's catalogs change while old creatures must keep working).
 */
@RestController
@RequestMapping("/api/collections/{name}/documents/{id}/versions")
class DocumentVersionsController {

  private final DocumentLookup documents;
  private final CollectionDocuments store;
  private final DocumentEditor editor;
  private final CollectionJson json;

  DocumentVersionsController(
      DocumentLookup documents,
      CollectionDocuments store,
      DocumentEditor editor,
      CollectionJson json) {
    this.documents = documents;
    this.store = store;
    this.editor = editor;
    this.json = json;
  }

  @GetMapping
  Map<String, Object> list(Caller caller, @PathVariable String name, @PathVariable String id) {
    documents.readable(caller, name, id);
    return Map.of(
        "items",
        store.versions(id).stream()
            .map(
                v -> {
                  Map<String, Object> item = new LinkedHashMap<>();
                  item.put("version", v.version());
                  item.put("author_id", v.authorId());
                  item.put("created_at", v.createdAt().toString());
                  return item;
                })
            .toList());
  }

  @GetMapping("/{version}")
  Map<String, Object> get(
      Caller caller,
      @PathVariable String name,
      @PathVariable String id,
      @PathVariable int version) {
    documents.readable(caller, name, id);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("version", version);
    out.put("data", json.stored(stored(id, version)));
    return out;
  }

  /** Makes the data of {@code version} the newest version (checked against today's schema). */
  @PostMapping("/{version}/restore")
  ResponseEntity<Map<String, Object>> restore(
      Caller caller,
      @PathVariable String name,
      @PathVariable String id,
      @PathVariable int version,
      @RequestHeader(name = "If-Match", required = false) String ifMatch) {
    CollectionDocument current = documents.changeable(caller, name, id, false);
    Map<String, Object> old = json.stored(stored(id, version));
    return CollectionDocumentsController.respond(
        ResponseEntity.ok(),
        editor.update(
            caller.userId(),
            caller,
            current,
            old,
            CollectionDocumentsController.expected(ifMatch, current)));
  }

  private String stored(String id, int version) {
    return store.version(id, version).orElseThrow(() -> ApiProblem.notFound("version"));
  }
}
