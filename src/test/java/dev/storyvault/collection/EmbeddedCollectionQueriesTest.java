package dev.storyvault.collection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyvault.support.EmbeddedMode;
import java.util.List;

@EmbeddedMode
class EmbeddedCollectionQueriesTest extends CollectionQueriesContract {

  @Override
  void fill(String collection, int count) {
    String numbers = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) ";
    jdbc.sql(
            numbers
                + "INSERT INTO collection_documents (id, collection, owner_id, version, document, created_at, updated_at)"
                + " SELECT printf('doc_fill%06d', i), ?, NULL, 1, json_object('name', 'm' || i, 'level', i % 100,"
                + " 'element', CASE i % 4 WHEN 0 THEN 'fire' WHEN 1 THEN 'water' WHEN 2 THEN 'earth' ELSE 'air' END,"
                + " 'tags', json_array('t' || (i % 50)), 'boss', json(CASE WHEN i % 97 = 0 THEN 'true' ELSE 'false' END),"
                + " 'seen_at', strftime('%Y-%m-%dT%H:%M:%SZ', 1767225600 + i * 3600, 'unixepoch')), 0, 0 FROM n")
        .params(count, collection)
        .update();
    jdbc.sql(
            numbers
                + "INSERT INTO collection_array_values (collection, field, value, document_id)"
                + " SELECT ?, 'tags', 't' || (i % 50), printf('doc_fill%06d', i) FROM n")
        .params(count, collection)
        .update();
    // why no ANALYZE: the server keeps no SQLite statistics (they average rows over all
    // collections,
    // so many small collections made the planner read a big one whole), and neither does this test
  }

  @Override
  void assertUsesAnIndex(String plan) {
    assertThat(plan.lines().map(String::trim)).as(plan).doesNotContain("SCAN d");
    assertThat(plan).as(plan).containsAnyOf("USING INDEX cdx_", "USING PRIMARY KEY");
  }

  @Override
  String explain(String sql, List<Object> params) {
    return String.join(
        "\n",
        jdbc.sql("EXPLAIN QUERY PLAN " + sql)
            .params(params)
            .query((rs, n) -> rs.getString("detail"))
            .list());
  }
}
