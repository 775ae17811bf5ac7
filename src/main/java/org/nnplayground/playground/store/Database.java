package org.nnplayground.playground.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;

/**
 * The server's one database (embedded H2 or PostgreSQL), shared by everything it stores (saved
 * runs, class rooms): one small HikariCP pool with short timeouts (a database that is down answers
 * within seconds instead of hanging a request), on a schema Flyway has brought up to date
 * ({@code db/migration}, the same SQL on H2 and PostgreSQL). Opened on first use; after a failure
 * it is tried again a few seconds later, so the playground starts and trains with the database down.
 */
public final class Database implements AutoCloseable {
    private static final long CONNECT_TIMEOUT_MS = 3000;
    private static final long RETRY_NANOS = 5_000_000_000L;
    /** Saved runs (2 writer threads + page loads) and class rooms (1 writer thread) share it. */
    private static final int POOL_SIZE = 6;

    private final StoreSettings settings;
    private HikariDataSource pool;
    private StoreException lastFailure;
    private long lastFailureNanos;
    private boolean closed;

    public Database(StoreSettings settings) { this.settings = settings; }

    public StoreSettings settings() { return settings; }

    /** True when a database is configured or the embedded one already exists (then there may be rooms to restore). */
    public boolean exists() { return !settings.jdbc().isH2() || Files.exists(settings.h2File()); }

    /** True for PostgreSQL: several servers may share it. */
    public boolean shared() { return !settings.jdbc().isH2(); }

    /** The migrated pool, opened on the first call; a recent failure is thrown again until the retry delay has passed. */
    public synchronized DataSource pool() {
        if (closed) throw new StoreException("the database is closed (the server is stopping)", null);
        if (pool != null) return pool;
        if (lastFailure != null && System.nanoTime() - lastFailureNanos < RETRY_NANOS) throw lastFailure;
        try {
            pool = open(settings, "playground", POOL_SIZE);
            lastFailure = null;
            return pool;
        } catch (StoreException e) {
            lastFailure = e;
            lastFailureNanos = System.nanoTime();
            throw e;
        }
    }

    /** True once the pool has been opened (a sweep of a store never used may skip). */
    public synchronized boolean opened() { return pool != null; }

    @Override
    public synchronized void close() {
        closed = true;
        if (pool != null) pool.close();
        pool = null;
    }

    private static HikariDataSource open(StoreSettings settings, String name, int size) {
        StoreSettings.Connection c = settings.jdbc();
        if (c.isH2()) {
            try {
                Files.createDirectories(settings.dataDir());
            } catch (IOException e) {
                throw new StoreException("cannot create the data directory " + settings.dataDir().toAbsolutePath() + ": " + e.getMessage(), e);
            }
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(c.url());
        if (c.user() != null) config.setUsername(c.user());
        if (c.password() != null) config.setPassword(c.password());
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(CONNECT_TIMEOUT_MS);
        config.setValidationTimeout(1000);
        config.setInitializationFailTimeout(-1); // start even when the database is down: its users then answer an error
        config.setPoolName(name);
        HikariDataSource pool = new HikariDataSource(config);
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw new StoreException("cannot prepare the database (" + withoutCredentials(c.url()) + "): " + rootMessage(e), e);
        }
        return pool;
    }

    /** The innermost cause's message: the one that says what went wrong. */
    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** The URL without credentials, for messages. */
    private static String withoutCredentials(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }
}
