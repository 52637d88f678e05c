package dev.storyvault.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * SQLite: copies the write-ahead log into the database file in the background. Left to SQLite, the commit
 * that fills the log past 1,000 pages does the copy and its fsync itself, and every writer queued behind
 * that commit waits for it (a 20–30 ms stall every hundred stories). Connections are opened with
 * automatic checkpoints off (see {@link DatabaseConfiguration}); this runs a passive checkpoint, which
 * waits for no reader or writer, several times a second, and a truncating one if the log still grew large.
 */
final class WalCheckpoints implements SmartLifecycle {

    static final String CONNECTION_INIT = "PRAGMA wal_autocheckpoint=0";
    private static final Logger log = LoggerFactory.getLogger(WalCheckpoints.class);
    private static final long EVERY_MILLIS = 200;
    /** why 16,384 pages (64 MiB): well past what 200 ms of writes adds, so only a stuck passive run triggers it. */
    private static final int TRUNCATE_ABOVE_PAGES = 16_384;

    private final DataSource dataSource;
    private ScheduledExecutorService executor;

    WalCheckpoints(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("wal-checkpoints").daemon().factory());
        executor.scheduleWithFixedDelay(this::checkpoint, EVERY_MILLIS, EVERY_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor = null;
        run("TRUNCATE");
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    void checkpoint() {
        int pagesInLog = run("PASSIVE");
        if (pagesInLog > TRUNCATE_ABOVE_PAGES) run("TRUNCATE");
    }

    /** The checkpoint's count of pages in the log, or -1 if it could not run. */
    int run(String mode) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("PRAGMA wal_checkpoint(" + mode + ")")) {
            return result.next() ? result.getInt(2) : -1;
        } catch (SQLException e) {
            log.warn("WAL checkpoint ({}) failed: {}", mode, e.getMessage());
            return -1;
        }
    }
}
