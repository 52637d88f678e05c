package dev.storyvault.collection;

import dev.storyvault.document.Preconditions;
import dev.storyvault.identity.Caller;
import dev.storyvault.platform.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Collections themselves, for admins: declare, read, change (recorded), remove. */
@RestController
@RequestMapping("/api/collections")
class CollectionsController {

  private final CollectionDefinitions definitions;
  private final CollectionEditor editor;
  private final CollectionJson json;
  private final FieldPurge purge;

  CollectionsController(
      CollectionDefinitions definitions,
      CollectionEditor editor,
      CollectionJson json,
      FieldPurge purge) {
    this.definitions = definitions;
    this.editor = editor;
    this.json = json;
    this.purge = purge;
  }

  @GetMapping
  Map<String, Object> list(Caller caller) {
    caller.requireAdmin();
    return Map.of("items", definitions.all().stream().map(CollectionDefinition::view).toList());
  }

  @PostMapping
  ResponseEntity<Map<String, Object>> create(Caller caller, HttpServletRequest request)
      throws IOException {
    caller.requireAdmin();
    CollectionDefinition created =
        editor.create(json.definition(request.getInputStream()), caller.userId(), false);
    return ResponseEntity.created(URI.create("/api/collections/" + created.name()))
        .eTag(Preconditions.etag(created.version()))
        .body(created.view());
  }

  @GetMapping("/{name}")
  ResponseEntity<Map<String, Object>> get(Caller caller, @PathVariable String name) {
    CollectionDefinition definition = find(caller, name);
    return ResponseEntity.ok()
        .eTag(Preconditions.etag(definition.version()))
        .body(definition.view());
  }

  @PutMapping("/{name}")
  ResponseEntity<Map<String, Object>> change(
      Caller caller,
      @PathVariable String name,
      HttpServletRequest request,
      @RequestHeader(name = "If-Match", required = false) String ifMatch)
      throws IOException {
    CollectionDefinition current = find(caller, name);
    CollectionDefinition changed =
        editor.change(current, json.definition(request.getInputStream()), ifMatch, caller.userId());
    return ResponseEntity.ok().eTag(Preconditions.etag(changed.version())).body(changed.view());
  }

  @DeleteMapping("/{name}")
  ResponseEntity<Void> delete(Caller caller, @PathVariable String name) {
    editor.delete(find(caller, name));
    return ResponseEntity.noContent().build();
  }

  /** Every change of the definition, newest first, each with the definition it made. */
  @GetMapping("/{name}/changes")
  Map<String, Object> changes(Caller caller, @PathVariable String name) {
    find(caller, name);
    List<Map<String, Object>> items =
        definitions.changes(name).stream()
            .map(
                change -> {
                  Map<String, Object> item = new LinkedHashMap<>();
                  item.put("version", change.version());
                  item.put("author_id", change.authorId());
                  item.put("created_at", change.createdAt().toString());
                  item.put("definition", json.stored(change.document()));
                  return item;
                })
            .toList();
    return Map.of("items", items);
  }

  /**
   * Removes a field's data from every document (each gets a new version), once the definition no
   * longer declares it: removing a field from the schema keeps the data until this is asked.
   */
  @PostMapping("/{name}/purge-field")
  Map<String, Object> purgeField(
      Caller caller, @PathVariable String name, HttpServletRequest request) throws IOException {
    CollectionDefinition definition = find(caller, name);
    Object path = json.definition(request.getInputStream()).get("path");
    return Map.of("changed_documents", purge.purge(caller, definition, path));
  }

  private CollectionDefinition find(Caller caller, String name) {
    caller.requireAdmin();
    if (!DefinitionReader.NAME.matcher(name).matches()) throw ApiProblem.notFound("collection");
    return definitions.find(name).orElseThrow(() -> ApiProblem.notFound("collection"));
  }
}
