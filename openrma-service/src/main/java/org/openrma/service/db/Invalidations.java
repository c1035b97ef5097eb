package org.openrma.service.db;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Listens for the database's invalidation notices (channel {@code openrma_invalidate}, sent by the triggers of
 * migration V26 from the transaction that changes a cached row) and hands them to this instance's
 * {@link InvalidatedCache}s. Several instances share one PostgreSQL, so a change made through any of them (or by
 * hand in SQL) reaches every instance's caches when it commits.
 *
 * <p>The listener holds its own connection, outside the pool. While it is not listening (not started yet,
 * connection lost, reconnecting) a notice could be missed, so the caches hold nothing: every cache is emptied
 * when listening stops, and {@link #listening()} is false until LISTEN has succeeded again.
 */
@Component
public class Invalidations implements SmartLifecycle {

    static final String CHANNEL = "openrma_invalidate";
    /** How long the channel may stay quiet before the listener checks its connection (a round trip). */
    private static final Duration QUIET_CHECK = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(Invalidations.class);

    private final HikariDataSource dataSource;
    private final List<InvalidatedCache<?, ?>> caches = new CopyOnWriteArrayList<>();
    private volatile boolean listening;
    private volatile boolean running;
    private volatile Thread thread;

    public Invalidations(HikariDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A cache of rows of {@code table}, emptied of a key when a notice for it arrives; entries also expire after {@code ttl}. */
    public <K, V> InvalidatedCache<K, V> cache(String table, java.util.function.Function<String, K> keyOfNotice, Duration ttl, int maxEntries) {
        InvalidatedCache<K, V> cache = new InvalidatedCache<>(table, keyOfNotice, ttl, maxEntries, this);
        caches.add(cache);
        return cache;
    }

    /** Whether notices are being received now; caches keep nothing while they are not. */
    public boolean listening() {
        return listening;
    }

    void dispatch(String payload) {
        int colon = payload.indexOf(':');
        if (colon < 0) {
            return;
        }
        String table = payload.substring(0, colon);
        String key = payload.substring(colon + 1);
        for (InvalidatedCache<?, ?> cache : caches) {
            if (cache.table().equals(table)) {
                cache.invalidateNotice(key);
            }
        }
    }

    private void forgetEverything() {
        if (Thread.currentThread() == thread || !running) {
            listening = false; // only the current listener (or a stop) may say so; a listener stopped before may still be ending
        }
        caches.forEach(InvalidatedCache::invalidateAll);
    }

    private boolean current() {
        return running && Thread.currentThread() == thread;
    }

    private void listen() {
        while (current()) {
            try (Connection c = DriverManager.getConnection(dataSource.getJdbcUrl(), dataSource.getUsername(), dataSource.getPassword())) {
                try (Statement s = c.createStatement()) {
                    s.execute("listen " + CHANNEL);
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                // anything cached before LISTEN took effect may be stale: start from nothing
                caches.forEach(InvalidatedCache::invalidateAll);
                if (!current()) {
                    return;
                }
                listening = true;
                long lastHeard = System.nanoTime();
                while (current()) {
                    // blocks on the socket until a notice arrives (or half a second passes, to notice a stop)
                    PGNotification[] notices = pg.getNotifications(500);
                    if (notices != null) {
                        for (PGNotification n : notices) {
                            dispatch(n.getParameter());
                        }
                        lastHeard = System.nanoTime();
                    } else if (System.nanoTime() - lastHeard > QUIET_CHECK.toNanos()) {
                        // a quiet channel may be a dead connection: ask the server, at most once per QUIET_CHECK
                        if (!c.isValid(2)) {
                            throw new SQLException("the invalidation listener's connection is no longer valid");
                        }
                        lastHeard = System.nanoTime();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                forgetEverything();
                if (current()) {
                    log.warn("Cache invalidation listener lost its connection ({}); caches are off until it reconnects", e.getMessage());
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            } finally {
                forgetEverything();
            }
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        Thread t = Thread.ofPlatform().daemon().name("openrma-invalidations").unstarted(this::listen);
        thread = t;
        t.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        forgetEverything();
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts after Flyway has migrated (the triggers exist), stops among the first. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
