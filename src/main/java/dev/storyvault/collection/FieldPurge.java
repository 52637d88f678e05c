package dev.storyvault.collection;

import dev.storyvault.identity.Caller;
import dev.storyvault.platform.ApiProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Removes the data of a field the definition no longer declares, document by document, each as a
 * new version (so it can still be restored from a version).
 */
@Component
class FieldPurge {

  private final CollectionDocuments documents;
  private final DocumentEditor editor;

  FieldPurge(CollectionDocuments documents, DocumentEditor editor) {
    this.documents = documents;
    this.editor = editor;
  }

  int purge(Caller caller, CollectionDefinition definition, Object path) {
    if (!(path instanceof String field) || !DefinitionReader.PATH.matcher(field).matches())
      throw DefinitionReader.invalid(
          "path: the dotted path of the field to remove (metadata.old).");
    refuseIfDeclared(definition, field);
    IndexedField target = new IndexedField(field, FieldType.STRING);
    List<CollectionDocument> holding = new ArrayList<>();
    documents.forEachInCollection(
        definition.name(),
        doc -> {
          if (holds(doc.data(), target.segments())) holding.add(doc);
        });
    for (CollectionDocument doc : holding)
      editor.update(
          caller.userId(), caller, doc, without(doc.data(), target.segments(), 0), doc.version());
    return holding.size();
  }

  private static void refuseIfDeclared(CollectionDefinition definition, String field) {
    String top = field.split("\\.")[0];
    boolean declared =
        definition.schema().get("properties") instanceof Map<?, ?> properties
                && properties.containsKey(top)
                && !field.contains(".")
            || definition.field(field).isPresent()
            || definition.assetFields().stream()
                .anyMatch(p -> p.equals(field) || p.startsWith(field + "."));
    if (declared)
      throw new ApiProblem(
          HttpStatus.CONFLICT,
          "field-declared",
          "Field still declared",
          "'"
              + field
              + "' is still declared by the collection; remove it from the definition first.");
  }

  private static boolean holds(Map<String, Object> data, List<String> segments) {
    Object at = data;
    for (String segment : segments) {
      if (!(at instanceof Map<?, ?> map) || !map.containsKey(segment)) return false;
      at = map.get(segment);
    }
    return true;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> without(
      Map<String, Object> data, List<String> segments, int at) {
    Map<String, Object> copy = new LinkedHashMap<>(data);
    String key = segments.get(at);
    if (at == segments.size() - 1) copy.remove(key);
    else if (copy.get(key) instanceof Map<?, ?> inner)
      copy.put(key, without((Map<String, Object>) inner, segments, at + 1));
    return copy;
  }
}
