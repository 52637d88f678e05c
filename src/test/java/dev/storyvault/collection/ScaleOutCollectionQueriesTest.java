package dev.storyvault.collection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyvault.support.ScaleOutMode;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@ScaleOutMode
class ScaleOutCollectionQueriesTest extends CollectionQueriesContract {

  @Autowired PlatformTransactionManager transactions;

  @Override
  void fill(String collection, int count) {
    jdbc.sql(
            "INSERT INTO collection_documents (id, collection, owner_id, version, document, created_at, updated_at)"
                + " SELECT 'doc_fill' || lpad(i::text, 6, '0'), ?, NULL, 1, jsonb_build_object('name', 'm' || i,"
                + " 'level', i % 100, 'element', (ARRAY['fire','water','earth','air'])[i % 4 + 1],"
                + " 'tags', jsonb_build_array('t' || (i % 50)), 'boss', i % 97 = 0,"
                + " 'seen_at', to_char(to_timestamp(1767225600 + i * 3600) AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')),"
                + " 0, 0 FROM generate_series(1, ?) i")
        .params(collection, count)
        .update();
    jdbc.sql("ANALYZE collection_documents").update();
  }

  @Override
  void assertUsesAnIndex(String plan) {
    assertThat(plan).as(plan).doesNotContain("Seq Scan").contains("cdx_");
  }

  @Override
  String explain(String sql, List<Object> params) {
    return new TransactionTemplate(transactions)
        .execute(
            status -> {
              // why: a few thousand rows are cheaper to scan than to look up; the test asks
              // whether an index can answer, which the plan shows once scans are priced out
              jdbc.sql("SET LOCAL enable_seqscan = off").update();
              return String.join(
                  "\n",
                  jdbc.sql("EXPLAIN " + sql)
                      .params(params)
                      .query((rs, n) -> rs.getString(1))
                      .list());
            });
  }
}
