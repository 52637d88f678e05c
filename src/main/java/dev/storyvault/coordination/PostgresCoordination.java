package dev.storyvault.coordination;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Scale-out without Redis: notices by LISTEN/NOTIFY, loop leases and slots as rows of {@code cluster_leases}
 * whose expiry is the database's clock (instances' clocks may disagree).
 */
final class PostgresCoordination implements Invalidations, ClusterLoops, ClusterSlots, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PostgresCoordination.class);
    private static final String TAKE = """
            INSERT INTO cluster_leases (name, holder, expires_at)
            VALUES (?, ?, clock_timestamp() + make_interval(secs => ?))
            ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
            WHERE cluster_leases.holder = excluded.holder OR cluster_leases.expires_at < clock_timestamp()""";

    private final String instance = UUID.randomUUID().toString();
    private final String channel;
    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final Map<String, List<Consumer<String>>> subscribers = new ConcurrentHashMap<>();
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
        LocalCoordination.deliver(subscribers, topic, key);
        jdbc.sql("SELECT pg_notify(?, ?)").params(channel, instance + "\n" + topic + "\n" + key).query().singleRow();
    }

    @Override
    public void subscribe(String topic, Consumer<String> onStale) {
        subscribers.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(onStale);
    }

    @Override
    public boolean runIfLeader(String loop, Duration lease, Runnable step) {
        if (!take("loop:" + loop, instance, lease)) return false;
        step.run();
        return true;
    }

    @Override
    public Optional<Slot> tryAcquire(String name, int permits, Duration lease) {
        String token = UUID.randomUUID().toString();
        for (int i = 0; i < permits; i++) {
            String row = "slot:" + name + ":" + i;
            if (take(row, token, lease)) return Optional.of(new LocalCoordination.Once(() -> release(row, token)));
        }
        return Optional.empty();
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
        jdbc.sql("DELETE FROM cluster_leases WHERE name = ? AND holder = ?").params(name, holder).update();
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
                    if (notifications != null) for (PGNotification n : notifications) received(n.getParameter());
                }
            } catch (SQLException e) {
                if (!closed) log.warn("Listening for invalidations failed, reconnecting: {}", e.toString());
                pause();
            }
        }
    }

    private void received(String message) {
        String[] parts = message.split("\n", 3);
        if (parts.length == 3 && !parts[0].equals(instance)) LocalCoordination.deliver(subscribers, parts[1], parts[2]);
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
