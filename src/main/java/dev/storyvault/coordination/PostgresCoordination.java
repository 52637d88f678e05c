package dev.storyvault.coordination;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Scale-out without Redis: notices by LISTEN/NOTIFY, loop leases and slots as rows of {@code
 * cluster_leases} whose expiry is the database's clock (instances' clocks may disagree).
 */
final class PostgresCoordination
    implements Invalidations, ClusterLoops, ClusterSlots, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(PostgresCoordination.class);
  private static final String TAKE =
      """
            INSERT INTO cluster_leases (name, holder, expires_at)
            VALUES (?, ?, clock_timestamp() + make_interval(secs => ?))
            ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
            WHERE cluster_leases.holder = excluded.holder OR cluster_leases.expires_at < clock_timestamp()""";

  private final Notices notices = new Notices();
  private final String channel;
  private final JdbcClient jdbc;
  private final DataSource dataSource;
  private final Thread listener;
  private volatile boolean closed;

  PostgresCoordination(DataSource dataSource, String namespace) {
    this.dataSource = dataSource;
    this.jdbc = JdbcClient.create(dataSource);
    this.channel = namespace + "_invalidations";
    this.listener = Thread.ofPlatform().daemon().name("coordination-listen").start(this::listen);
  }

  @Override
  public void publish(String topic, String key) {
    notices.deliverHere(topic, key);
    jdbc.sql("SELECT pg_notify(?, ?)")
        .params(channel, notices.encode(topic, key))
        .query()
        .singleRow();
  }

  /** One statement for all of them. */
  @Override
  public void publishAll(Collection<Notice> all) {
    if (all.isEmpty()) return;
    List<Object> parameters = new ArrayList<>();
    for (Notice notice : all) {
      notices.deliverHere(notice.topic(), notice.key());
      parameters.add(channel);
      parameters.add(notices.encode(notice.topic(), notice.key()));
    }
    jdbc.sql("SELECT " + String.join(", ", Collections.nCopies(all.size(), "pg_notify(?, ?)")))
        .params(parameters)
        .query()
        .singleRow();
  }

  @Override
  public void subscribe(String topic, Consumer<String> onStale) {
    notices.subscribe(topic, onStale);
  }

  @Override
  public boolean runIfLeader(String loop, Duration lease, Runnable step) {
    if (!take("loop:" + loop, notices.instance(), lease)) return false;
    step.run();
    return true;
  }

  @Override
  public Optional<Slot> tryAcquire(String name, int permits, Duration lease) {
    return SharedSlots.firstFree(
        "slot:" + name, permits, (row, token) -> take(row, token, lease), this::release);
  }

  @Override
  public void close() {
    closed = true;
    listener.interrupt();
  }

  private boolean take(String name, String holder, Duration lease) {
    return jdbc.sql(TAKE).params(name, holder, lease.toMillis() / 1000.0).update() == 1;
  }

  private void release(String name, String holder) {
    jdbc.sql("DELETE FROM cluster_leases WHERE name = ? AND holder = ?")
        .params(name, holder)
        .update();
  }

  /** why its own connection: LISTEN belongs to a session; it is held while the instance runs. */
  private void listen() {
    while (!closed) {
      try (Connection connection = dataSource.getConnection()) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("LISTEN " + channel);
        }
        PGConnection pg = connection.unwrap(PGConnection.class);
        while (!closed) {
          PGNotification[] notifications = pg.getNotifications(500);
          if (notifications != null)
            for (PGNotification n : notifications) notices.received(n.getParameter());
        }
      } catch (SQLException e) {
        if (!closed) log.warn("Listening for invalidations failed, reconnecting: {}", e.toString());
        pause();
      }
    }
  }

  private void pause() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
