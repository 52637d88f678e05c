package dev.storyvault.identity;

import dev.storyvault.database.WriteTransactions;
import java.io.IOException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The simplest {@link PersonalData}: one table whose rows belong to a person by one column,
 * exported as a JSON array and erased by deleting them. A module subclasses it for such a table.
 */
public abstract class OwnedRows implements PersonalData {

  private final JdbcClient jdbc;
  private final WriteTransactions writes;
  private final String section;
  private final String table;
  private final String ownerColumn;
  private final String columns;

  /** {@code columns}: what the export holds (never secrets); the rows come in id order. */
  protected OwnedRows(
      JdbcClient jdbc,
      WriteTransactions writes,
      String section,
      String table,
      String ownerColumn,
      String columns) {
    this.jdbc = jdbc;
    this.writes = writes;
    this.section = section;
    this.table = table;
    this.ownerColumn = ownerColumn;
    this.columns = columns;
  }

  @Override
  public String section() {
    return section;
  }

  @Override
  public void export(String userId, PersonalArchive archive) throws IOException {
    archive.rows(
        section + "/" + table + ".json",
        jdbc,
        "SELECT " + columns + " FROM " + table + " WHERE " + ownerColumn + " = ? ORDER BY id",
        userId);
  }

  @Override
  public int erase(String userId, String heir) {
    return writes.execute(
        () ->
            jdbc.sql("DELETE FROM " + table + " WHERE " + ownerColumn + " = ?")
                .param(userId)
                .update());
  }
}
