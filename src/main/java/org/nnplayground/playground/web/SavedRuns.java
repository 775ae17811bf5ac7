package org.nnplayground.playground.web;

import org.nnplayground.playground.codec.RunSnapshotCodec;
import org.nnplayground.playground.session.RunSnapshot;
import org.nnplayground.playground.session.Session;
import org.nnplayground.playground.store.Database;
import org.nnplayground.playground.store.JdbcRunStore;
import org.nnplayground.playground.store.RunIds;
import org.nnplayground.playground.store.RunStore;
import org.nnplayground.playground.store.StoreException;
import org.nnplayground.playground.store.StoreSettings;
import org.nnplayground.playground.store.StoredRun;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saving and loading runs for the web side: limits (saves per address per minute, size), the
 * database work on its own small thread pool (never on a trainer or socket thread), and the
 * retention sweep. The store is opened on first use and again after a failure, so a database that
 * is down at start or goes away answers plain errors while the playground keeps training.
 */
final class SavedRuns implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SavedRuns.class);
    private static final Duration SWEEP_EVERY = Duration.ofHours(6);

    private final Database database;
    private final StoreSettings settings;
    private final SaveLimiter limiter;
    private final ThreadPoolExecutor io;
    private final ScheduledExecutorService sweeper;
    private RunStore store;

    SavedRuns(Database database) {
        this.database = database;
        this.settings = database.settings();
        this.limiter = new SaveLimiter(settings.savesPerMinute());
        this.io = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(200), daemon("run-store"));
        this.sweeper = Executors.newSingleThreadScheduledExecutor(daemon("run-retention"));
        if (settings.retentionDays() > 0) {
            sweeper.scheduleWithFixedDelay(this::sweep, SWEEP_EVERY.toMinutes(), SWEEP_EVERY.toMinutes(), TimeUnit.MINUTES);
        }
    }

    /** A socket's {@code save}: copies the run on the session's turn, stores it, answers {@code saved}. */
    void save(Connection c) {
        if (!limiter.tryAcquire(c.address())) {
            c.send(new ServerMessage.Error("too many saves: at most " + limiter.perMinute() + " a minute from one address; wait a little", "save"));
            return;
        }
        c.session().snapshot(snapshot -> submit(c, "save", () -> {
            String id = store(snapshot);
            c.send(new ServerMessage.Saved(id, "/r/" + id, snapshot.epoch()));
        }));
    }

    /** A socket's {@code loadRun}: fetches the run and hands it to the session (paused at its epoch). */
    void load(Connection c, String id) {
        submit(c, "loadRun", () -> {
            RunSnapshot snapshot = find(id).orElseThrow(() -> new IllegalArgumentException(notFound(id)));
            Session s = c.session();
            if (s != null) s.restore(snapshot);
        });
    }

    /** Stores a snapshot under a new id; refuses one larger than the limit. */
    String store(RunSnapshot snapshot) {
        byte[] bytes = RunSnapshotCodec.encode(snapshot);
        if (bytes.length > settings.maxRunBytes()) {
            throw new IllegalArgumentException("this run is too large to save (" + mib(bytes.length) + " MiB, at most " + mib(settings.maxRunBytes()) + " MiB)");
        }
        String id = RunIds.next();
        open().save(new StoredRun(id, snapshot.link(), snapshot.epoch(), Instant.now(), bytes));
        return id;
    }

    /** The run with this id (marked as opened), or empty for an id that is unknown or malformed. */
    Optional<RunSnapshot> find(String id) {
        if (!RunIds.isWellFormed(id)) return Optional.empty();
        return open().open(id).map(r -> RunSnapshotCodec.decode(r.snapshot()));
    }

    /** True when a save from {@code address} is allowed now (HTTP saves). */
    boolean allowSave(String address) { return limiter.tryAcquire(address); }

    int savesPerMinute() { return limiter.perMinute(); }

    static String notFound(String id) {
        return "no saved run has the id '" + (id == null ? "" : id.length() > 40 ? id.substring(0, 40) + "..." : id) + "' (it may have expired)";
    }

    private void submit(Connection c, String request, Runnable work) {
        try {
            io.execute(() -> {
                try {
                    work.run();
                } catch (StoreException | IllegalArgumentException e) {
                    c.send(new ServerMessage.Error(e.getMessage(), request));
                } catch (RuntimeException e) {
                    // a bug, not bad input: the log gets the details, the student a plain sentence
                    LOG.warn(request + " failed", e);
                    c.send(new ServerMessage.Error("could not " + (request.equals("save") ? "save" : "open") + " the run: the server ran into an unexpected problem", request));
                }
            });
        } catch (RejectedExecutionException e) {
            c.send(new ServerMessage.Error("the server is busy saving other runs; try again in a moment", request));
        }
    }

    private synchronized RunStore open() {
        if (store != null) return store;
        store = JdbcRunStore.on(database);
        if (settings.retentionDays() > 0) sweeper.execute(this::sweep); // at once, then every 6 hours
        return store;
    }

    /** The store's part of /health: its size against its budget, and what is wrong with it, in plain words, when something is. */
    Map<String, Object> health() {
        Map<String, Object> h = new LinkedHashMap<>(database.budget().health());
        String problem = database.problem();
        if (problem != null) h.put("problem", problem);
        return h;
    }

    /** Deletes runs not opened for the retention period; a store never used since the start is left closed. */
    private void sweep() {
        synchronized (this) {
            if (store == null) return;
        }
        try {
            int deleted = open().deleteNotOpenedSince(Instant.now().minus(Duration.ofDays(settings.retentionDays())));
            if (deleted > 0) LOG.info("retention: deleted " + deleted + " runs not opened for " + settings.retentionDays() + " days");
        } catch (RuntimeException e) {
            LOG.warn("retention sweep failed: " + e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        sweeper.shutdownNow();
        io.shutdown();
        try {
            io.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (store != null) store.close();
        store = null;
    }

    private static String mib(long bytes) { return String.format(java.util.Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0)); }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
