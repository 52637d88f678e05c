package dev.storyvault.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What every {@link WriteTransactions} promises, on a real database: SQLite (group commit) and
 * PostgreSQL.
 */
abstract class WriteTransactionsContract {

  protected JdbcClient jdbc;
  private WriteTransactions writes;
  private TransactionTemplate outer;

  protected abstract DataSource dataSource();

  protected abstract PlatformTransactionManager transactionManager(DataSource dataSource);

  protected abstract WriteTransactions writes(TransactionTemplate transaction);

  /** After each test, once the table is gone. */
  protected abstract void close();

  @BeforeEach
  void setUp() {
    DataSource dataSource = dataSource();
    jdbc = JdbcClient.create(dataSource);
    jdbc.sql("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)").update();
    PlatformTransactionManager manager = transactionManager(dataSource);
    outer = new TransactionTemplate(manager);
    writes = writes(new TransactionTemplate(manager));
  }

  @AfterEach
  void tearDown() {
    jdbc.sql("DROP TABLE notes").update();
    close();
  }

  @Test
  void commitsEveryConcurrentWriteBeforeReturning() throws Exception {
    List<Integer> ids =
        concurrently(
            32,
            25,
            id -> {
              insert(id);
              return id;
            });
    assertThat(ids).hasSize(800).doesNotHaveDuplicates();
    assertThat(count()).isEqualTo(800);
  }

  @Test
  void aFailingWriteUndoesOnlyItsOwnChangesAndItsCallerGetsItsException() throws Exception {
    List<Integer> ids =
        concurrently(
            16,
            20,
            id -> {
              insert(id);
              if (id % 5 == 0) throw new IllegalStateException("refused " + id);
              return id;
            });
    assertThat(ids).hasSize(320 - 64).allMatch(id -> id % 5 != 0);
    assertThat(count()).isEqualTo(320 - 64);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM notes WHERE id % 5 = 0").query(Long.class).single())
        .isZero();
  }

  @Test
  void returnsTheValueOfTheWork() {
    assertThat(
            writes.execute(
                () -> {
                  insert(7);
                  return "seven";
                }))
        .isEqualTo("seven");
    assertThatThrownBy(
            () ->
                writes.execute(
                    () -> {
                      insert(8);
                      throw new IllegalArgumentException("no eight");
                    }))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no eight");
    assertThat(jdbc.sql("SELECT id FROM notes").query(Integer.class).list()).containsExactly(7);
  }

  @Test
  void joinsATransactionAlreadyOpen() {
    outer.executeWithoutResult(
        status -> {
          writes.run(() -> insert(1));
          status.setRollbackOnly();
        });
    assertThat(count()).isZero();
  }

  private void insert(int id) {
    jdbc.sql("INSERT INTO notes (id, body) VALUES (?, ?)")
        .params(id, "note " + id + " ".repeat(200))
        .update();
  }

  private long count() {
    return jdbc.sql("SELECT COUNT(*) FROM notes").query(Long.class).single();
  }

  interface Work {
    int run(int id);
  }

  /**
   * Runs {@code perThread} writes on each of {@code threads} threads; the ids of those that
   * returned.
   */
  private List<Integer> concurrently(int threads, int perThread, Work work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<List<Integer>>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      futures.add(
          pool.submit(
              () -> {
                List<Integer> done = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                  int id = thread * perThread + i + 1;
                  try {
                    done.add(writes.execute(() -> work.run(id)));
                  } catch (IllegalStateException e) {
                    assertThat(e).hasMessage("refused " + id);
                  }
                }
                return done;
              }));
    }
    List<Integer> all = new ArrayList<>();
    for (Future<List<Integer>> f : futures) all.addAll(f.get());
    pool.shutdown();
    return all;
  }
}
