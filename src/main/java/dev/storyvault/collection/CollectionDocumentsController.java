package dev.storyvault.collection;

import dev.storyvault.document.MergePatch;
import dev.storyvault.document.Preconditions;
import dev.storyvault.identity.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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

/**
 * A collection's documents: list and query, create, read, replace (PUT), merge-patch (PATCH),
 * delete; the body of a write is the document's data.
 */
@RestController
@RequestMapping("/api/collections/{name}/documents")
class CollectionDocumentsController {

  private final CollectionCatalog catalog;
  private final DocumentLookup lookup;
  private final CollectionAccess access;
  private final DocumentEditor editor;
  private final DocumentFinder finder;
  private final CollectionJson json;
  private final ListingCache listings;

  CollectionDocumentsController(
      CollectionCatalog catalog,
      DocumentLookup lookup,
      CollectionAccess access,
      DocumentEditor editor,
      DocumentFinder finder,
      CollectionJson json,
      ListingCache listings) {
    this.listings = listings;
    this.catalog = catalog;
    this.lookup = lookup;
    this.access = access;
    this.editor = editor;
    this.finder = finder;
    this.json = json;
  }

  @GetMapping
  ResponseEntity<byte[]> list(
      Caller caller, @PathVariable String name, @RequestParam Map<String, String> parameters) {
    CollectionDefinition definition = catalog.require(name).definition();
    String owner = access.listedOwner(definition, caller);
    // why parsed inside: a cached answer needs no parsing (a query that fails to parse is never
    // cached, so it is refused every time)
    byte[] body =
        owner == null && ListingCache.applies(definition)
            ? listings.answer(
                definition,
                parameters,
                () -> page(definition, DocumentQuery.parse(definition, parameters), null))
            : page(definition, DocumentQuery.parse(definition, parameters), owner);
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .cacheControl(CacheControl.noStore().cachePrivate())
        .body(body);
  }

  private byte[] page(CollectionDefinition definition, DocumentQuery query, String owner) {
    DocumentFinder.Page page = finder.find(definition, query, owner);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("items", page.documents().stream().map(d -> d.view(query.fields(), json)).toList());
    if (page.nextCursor() != null) out.put("next_cursor", page.nextCursor());
    if (page.total() != null) out.put("total", page.total());
    return json.write(out).getBytes(StandardCharsets.UTF_8);
  }

  @PostMapping
  ResponseEntity<Map<String, Object>> create(
      Caller caller, @PathVariable String name, HttpServletRequest request) throws IOException {
    CollectionDefinition definition = catalog.require(name).definition();
    access.mayCreate(definition, caller);
    CollectionDocument doc = editor.create(caller, name, json.document(request.getInputStream()));
    return respond(ResponseEntity.created(URI.create(location(doc))), doc);
  }

  @GetMapping("/{id}")
  ResponseEntity<Map<String, Object>> get(
      Caller caller,
      @PathVariable String name,
      @PathVariable String id,
      @RequestHeader(name = "If-None-Match", required = false) String ifNoneMatch) {
    CollectionDocument doc = lookup.readable(caller, name, id);
    if (doc.etag().equals(ifNoneMatch))
      return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
          .eTag(doc.etag())
          .cacheControl(CacheControl.noCache().cachePrivate())
          .build();
    return respond(ResponseEntity.ok(), doc);
  }

  @PutMapping("/{id}")
  ResponseEntity<Map<String, Object>> replace(
      Caller caller,
      @PathVariable String name,
      @PathVariable String id,
      HttpServletRequest request,
      @RequestHeader(name = "If-Match", required = false) String ifMatch)
      throws IOException {
    CollectionDocument current = lookup.changeable(caller, name, id, false);
    Map<String, Object> data = json.document(request.getInputStream());
    return respond(
        ResponseEntity.ok(),
        editor.update(caller.userId(), caller, current, data, expected(ifMatch, current)));
  }

  /** JSON Merge Patch (RFC 7396) over the data; {@code null} removes a field. */
  @PatchMapping("/{id}")
  ResponseEntity<Map<String, Object>> patch(
      Caller caller,
      @PathVariable String name,
      @PathVariable String id,
      HttpServletRequest request,
      @RequestHeader(name = "If-Match", required = false) String ifMatch)
      throws IOException {
    CollectionDocument current = lookup.changeable(caller, name, id, false);
    Map<String, Object> merged =
        MergePatch.applyToObject(current.data(), json.document(request.getInputStream()));
    return respond(
        ResponseEntity.ok(),
        editor.update(caller.userId(), caller, current, merged, expected(ifMatch, current)));
  }

  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(
      Caller caller,
      @PathVariable String name,
      @PathVariable String id,
      @RequestHeader(name = "If-Match", required = false) String ifMatch) {
    CollectionDocument doc = lookup.changeable(caller, name, id, true);
    editor.delete(doc, expected(ifMatch, doc));
    return ResponseEntity.noContent().build();
  }

  static int expected(String ifMatch, CollectionDocument current) {
    return (int) Preconditions.expectedVersion(ifMatch, current.version());
  }

  static String location(CollectionDocument doc) {
    return "/api/collections/" + doc.collection() + "/documents/" + doc.id();
  }

  static ResponseEntity<Map<String, Object>> respond(
      ResponseEntity.BodyBuilder builder, CollectionDocument doc) {
    return builder
        .eTag(doc.etag())
        .cacheControl(CacheControl.noStore().cachePrivate())
        .body(doc.view());
  }
}
