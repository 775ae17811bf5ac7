package org.nnplayground.playground.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;

/**
 * The server's one database (embedded H2 or PostgreSQL), shared by everything it stores (saved
 * runs, rooms): one small HikariCP pool with short timeouts (a database that is down answers
 * within seconds instead of hanging a request), on a schema Flyway has brought up to date
 * ({@code db/migration}, the same SQL on H2 and PostgreSQL). Opened on first use; after a failure
 * it is tried again a second later, so the playground starts and trains with the database down.
 * <p>
 * The embedded database's file can fail under the server: H2 closes its store after a failed write
 * (a full disk, a file system gone read-only), so the stores hand such failures to {@link #recover}
 * and the next use opens it again: once the disk is fixed everything works without a restart. A data
 * directory deleted while the server runs is noticed on the next use (H2 would go on writing into
 * the deleted file, and every save would be lost at the next start): its users are refused in plain
 * words until the directory is back.
 */
public final class Database implements AutoCloseable {
    /** PostgreSQL: a database that is down answers within seconds instead of hanging a request. */
    private static final long CONNECT_TIMEOUT_MS = 3000;
    /** H2 opens its file in the server's process: slow only on a loaded machine, never unreachable. */
    private static final long H2_CONNECT_TIMEOUT_MS = 30_000;
    private static final long RETRY_NANOS = 1_000_000_000L;
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    /** Saved runs (2 writer threads + page loads) and rooms (1 writer thread) share it. */
    private static final int POOL_SIZE = 6;

    private final StoreSettings settings;
    private HikariDataSource pool;
    private StoreException lastFailure;
    private long lastFailureNanos;
    private boolean closed;
    /** True once the embedded database was opened in this process (its directory is not made again behind the operator's back). */
    private boolean openedBefore;
    private StoreBudget budget;

    public Database(StoreSettings settings) { this.settings = settings; }

    public StoreSettings settings() { return settings; }

    /** True when a database is configured or the embedded one already exists (then there may be rooms to restore). */
    public boolean exists() { return !settings.jdbc().isH2() || Files.exists(settings.h2File()); }

    /** True for PostgreSQL: several servers may share it. */
    public boolean shared() { return !settings.jdbc().isH2(); }

    /** The migrated pool, opened on the first call; a recent failure is thrown again until the retry delay has passed. */
    public synchronized DataSource pool() {
        if (closed) throw new StoreException("the database is closed (the server is stopping)", null);
        if (pool != null) {
            if (!vanished()) return pool;
            LOG.error(vanishedMessage() + " (runs saved before are gone with it)");
            pool.close();
            pool = null;
        }
        if (lastFailure != null && System.nanoTime() - lastFailureNanos < RETRY_NANOS) throw lastFailure;
        try {
            if (vanished()) throw new StoreException(vanishedMessage(), null);
            pool = open(settings, "playground", POOL_SIZE, !openedBefore);
            openedBefore |= !shared();
            lastFailure = null;
            return pool;
        } catch (StoreException e) {
            lastFailure = e;
            lastFailureNanos = System.nanoTime();
            throw e;
        }
    }

    /**
     * After a statement failed: when H2 closed its store (it does after a failed write: a full disk,
     * a read-only file system), the pool is closed and the next use opens the database again.
     * Failures of the statement itself (a duplicate key, bad data) and PostgreSQL's (its pool
     * replaces broken connections) change nothing.
     */
    public synchronized void recover(java.sql.SQLException e) {
        if (shared() || pool == null) return;
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("22") || state.startsWith("23") || state.startsWith("42")) return;
        LOG.warn("the embedded database failed (" + rootMessage(e) + "); it is opened again on the next use");
        pool.close();
        pool = null;
    }

    /**
     * True when the embedded database's directory was removed after this server opened it, or its
     * file while open (H2 would write on into the deleted file). A directory put back is used again.
     */
    public synchronized boolean vanished() {
        if (shared() || !openedBefore) return false;
        return !Files.isDirectory(settings.dataDir()) || (pool != null && !Files.exists(settings.h2File()));
    }

    /** What is wrong with the store, in plain words for /health, or null when nothing is known to be. */
    public synchronized String problem() {
        if (vanished()) return vanishedMessage();
        if (lastFailure != null) return "the database cannot be opened: " + rootMessage(lastFailure);
        return null;
    }

    private String vanishedMessage() {
        return "the data directory " + settings.dataDir().toAbsolutePath() + " was removed while the server ran; "
                + "saves are refused until it is back (create it again, or restart the server)";
    }

    /** The disk budget that saved runs and checkpoints share. */
    public synchronized StoreBudget budget() {
        if (budget == null) budget = new StoreBudget(this, settings.budgetBytes());
        return budget;
    }

    /** True once the pool has been opened (a sweep of a store never used may skip). */
    public synchronized boolean opened() { return pool != null; }

    @Override
    public synchronized void close() {
        closed = true;
        if (pool != null) pool.close();
        pool = null;
    }

    private static HikariDataSource open(StoreSettings settings, String name, int size, boolean makeDirectory) {
        StoreSettings.Connection c = settings.jdbc();
        if (c.isH2() && makeDirectory) {
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
        config.setConnectionTimeout(c.isH2() ? H2_CONNECT_TIMEOUT_MS : CONNECT_TIMEOUT_MS);
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
