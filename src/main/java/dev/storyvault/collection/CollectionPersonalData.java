package dev.storyvault.collection;

import dev.storyvault.database.WriteTransactions;
import dev.storyvault.document.VersionHistory;
import dev.storyvault.identity.PersonalArchive;
import dev.storyvault.identity.PersonalData;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A person's collection documents (creatures, animations, battles, …) with every version. Erased
 * through the editor, one document at a time, so asset references, array values, listings and
 * tallies follow as they do for any delete; their authorship of other people's documents and
 * collection changes goes to the placeholder account.
 */
@Component
@Order(10)
class CollectionPersonalData implements PersonalData {

  private final JdbcClient jdbc;
  private final CollectionDocuments documents;
  private final DocumentEditor editor;
  private final VersionHistory changes;
  private final VersionHistory versions;
  private final WriteTransactions writes;

  CollectionPersonalData(
      JdbcClient jdbc,
      CollectionDocuments documents,
      DocumentEditor editor,
      WriteTransactions writes) {
    this.writes = writes;
    this.jdbc = jdbc;
    this.documents = documents;
    this.editor = editor;
    this.changes = new VersionHistory(jdbc, "collection_changes", "collection_name");
    this.versions = new VersionHistory(jdbc, "collection_document_versions", "document_id");
  }

  @Override
  public String section() {
    return "collections";
  }

  @Override
  public void export(String userId, PersonalArchive archive) throws IOException {
    for (String[] owned : owned(userId)) {
      CollectionDocument doc = documents.find(owned[0], owned[1]).orElse(null);
      if (doc == null) continue;
      String folder = "collections/" + doc.collection() + "/" + doc.id();
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("id", doc.id());
      body.put("collection", doc.collection());
      body.put("version", doc.version());
      body.put("created_at", doc.createdAt().toString());
      body.put("updated_at", doc.updatedAt().toString());
      body.put("data", doc.data());
      archive.json(folder + "/document.json", body);
      for (VersionHistory.Version v : versions.list(doc.id()))
        archive.file(
            folder + "/versions/" + v.version() + ".json",
            new java.io.ByteArrayInputStream(
                v.document().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
  }

  @Override
  public int erase(String userId, String heir) {
    int removed = 0;
    for (String[] owned : owned(userId)) {
      CollectionDocument doc = documents.find(owned[0], owned[1]).orElse(null);
      if (doc == null) continue;
      editor.delete(doc, doc.version());
      removed++;
    }
    writes.run(
        () -> {
          versions.forget(userId, heir);
          changes.forget(userId, heir);
        });
    return removed;
  }

  /** (collection, id) of each document the person owns. */
  private List<String[]> owned(String userId) {
    return jdbc.sql(
            "SELECT collection, id FROM collection_documents WHERE owner_id = ? ORDER BY id")
        .param(userId)
        .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
        .list();
  }
}
