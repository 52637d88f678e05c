import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;

/** The raw database's single-row insert rate: one autocommitted INSERT at a time, same pragmas as StoryVault. */
public class SqliteInsertLoop {
    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("sqlite-raw");
        String url = "jdbc:sqlite:" + dir.resolve("raw.db") + "?journal_mode=WAL&synchronous=FULL";
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id TEXT PRIMARY KEY, title TEXT, document TEXT, created_at BIGINT)");
            String doc = "x".repeat(3_000);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO t VALUES (?, ?, ?, ?)")) {
                long start = System.nanoTime();
                for (int i = 0; i < rows; i++) {
                    insert.setString(1, "id" + i);
                    insert.setString(2, "title " + i);
                    insert.setString(3, doc);
                    insert.setLong(4, System.currentTimeMillis());
                    insert.executeUpdate();
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("raw SQLite single-row inserts: %.0f rows/s (%.3f ms each)%n", rows / seconds, seconds * 1000 / rows);
            }
        }
    }
}
