package dev.storyvault.collection;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The indexes a definition needs, made and dropped as definitions change, in the change's
 * transaction: one per indexed field, one per compound index, and what array fields need. Index
 * names are derived from what they index, so an unchanged field keeps its index.
 */
@Component
class CollectionIndexes {

  private static final String PREFIX = "cdx_";

  private final JdbcClient jdbc;
  private final FieldSql sql;
  private final CollectionDocuments documents;

  CollectionIndexes(JdbcClient jdbc, FieldSql sql, CollectionDocuments documents) {
    this.jdbc = jdbc;
    this.sql = sql;
    this.documents = documents;
  }

  /** Makes what {@code after} needs and {@code before} lacked; drops the reverse. */
  void change(CollectionDefinition before, CollectionDefinition after) {
    Map<String, List<String>> old = before == null ? Map.of() : wanted(before);
    Map<String, List<String>> now = after == null ? Map.of() : wanted(after);
    old.keySet().stream()
        .filter(name -> !now.containsKey(name))
        .forEach(name -> jdbc.sql("DROP INDEX IF EXISTS " + name).update());
    now.forEach(
        (name, statements) -> {
          if (!old.containsKey(name)) statements.forEach(s -> jdbc.sql(s).update());
        });
    if (after != null) backfillArrays(before, after);
  }

  /**
   * Makes whatever {@code definition} needs that is missing, and the array elements of its stored
   * documents where the database keeps them apart (after documents were copied in).
   */
  void rebuild(CollectionDefinition definition) {
    wanted(definition)
        .values()
        .forEach(statements -> statements.forEach(s -> jdbc.sql(s).update()));
    List<IndexedField> arrays = arrayFields(definition);
    if (arrays.isEmpty()) return;
    documents.forEachInCollection(
        definition.name(),
        document ->
            sql.arrayValuesChanged(definition.name(), document.id(), arrays, document.data()));
  }

  /** Index name → the statements that make it. */
  private Map<String, List<String>> wanted(CollectionDefinition definition) {
    Map<String, List<String>> indexes = new LinkedHashMap<>();
    String collection = definition.name();
    for (IndexedField field : definition.indexedFields()) {
      String key = field.path() + ":" + field.type().wireName();
      indexes.put(
          name(collection, key),
          sql.createIndex(name(collection, key), collection, List.of(field)));
    }
    for (String columns : List.of("id", "created_at, id", "owner_id, id")) {
      String key = "columns:" + columns;
      indexes.put(
          name(collection, key), sql.columnIndex(name(collection, key), collection, columns));
    }
    for (List<String> paths : definition.compoundIndexes()) {
      List<IndexedField> fields = new ArrayList<>();
      paths.forEach(p -> fields.add(definition.field(p).orElseThrow()));
      String key =
          String.join("+", fields.stream().map(f -> f.path() + ":" + f.type().wireName()).toList());
      indexes.put(
          name(collection, key), sql.createIndex(name(collection, key), collection, fields));
    }
    return indexes;
  }

  /** Array fields newly indexed (or no longer): their elements for the documents stored before. */
  private void backfillArrays(CollectionDefinition before, CollectionDefinition after) {
    List<IndexedField> arrays = arrayFields(after);
    if (before == null || arrays.equals(arrayFields(before))) return;
    documents.forEachInCollection(
        after.name(),
        document -> sql.arrayValuesChanged(after.name(), document.id(), arrays, document.data()));
  }

  static List<IndexedField> arrayFields(CollectionDefinition definition) {
    return definition.indexedFields().stream().filter(IndexedField::isArray).toList();
  }

  static String name(String collection, String key) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest((collection + "|" + key).getBytes(StandardCharsets.UTF_8));
      String readable = collection.replace('-', '_');
      return PREFIX
          + readable.substring(0, Math.min(20, readable.length()))
          + "_"
          + HexFormat.of().formatHex(hash, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
