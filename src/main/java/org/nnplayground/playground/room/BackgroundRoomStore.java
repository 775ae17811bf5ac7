package org.nnplayground.playground.room;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes rooms to a database on a thread of its own, in order, so a room's lock (and a class) never
 * waits for the disk. The database opens on the first use; one that cannot be opened (slow, down) is
 * tried again with a backoff of at most {@link #MAX_BACKOFF_NANOS}, never given up for the process's
 * life: writes that could not be made wait, in order, and are made when it answers (a class goes on
 * in memory meanwhile). Reads (at start, to restore rooms) go straight through, and only when
 * {@code existing} says there is something to read.
 */
public final class BackgroundRoomStore implements RoomStore {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundRoomStore.class);

    private final Supplier<RoomStore> opener;
    private final boolean existing;
    private final boolean shared;
    private final ThreadPoolExecutor writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(10_000), r -> {
                Thread t = new Thread(r, "room-store");
                t.setDaemon(true);
                return t;
            });
    /** First and longest wait before the database is tried again. */
    private static final long MIN_BACKOFF_NANOS = 250_000_000L;
    static final long MAX_BACKOFF_NANOS = 1_000_000_000L;
    /** Longest the rooms are waited for at start (the database opening on a loaded machine). */
    private static final long RESTORE_WAIT_NANOS = 30_000_000_000L;
    /** Writes kept while the database is away; beyond, new ones are dropped (logged). */
    static final int MAX_WAITING = 10_000;
    /** Times a write is tried while the database answers before it is given up (it is refused, not delayed). */
    private static final int TRIES = 3;

    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "room-store-retry");
        t.setDaemon(true);
        return t;
    });
    private RoomStore store;
    private long nextOpenNanos = System.nanoTime();
    private long backoffNanos = MIN_BACKOFF_NANOS;
    private long lastLogMillis;
    /** Writes not made yet, in order; touched on the writer thread only. */
    private final ArrayDeque<Write> waiting = new ArrayDeque<>();
    private int triesOfFirst;
    private boolean retryScheduled;

    public BackgroundRoomStore(Supplier<RoomStore> opener, boolean existing) {
        this(opener, existing, false);
    }

    /**
     * {@code shared}: other servers read this store, so a room's own changes (its exercise, names
     * hidden, closing) are written before the call returns, before they are announced.
     */
    public BackgroundRoomStore(Supplier<RoomStore> opener, boolean existing, boolean shared) {
        this.opener = opener;
        this.existing = existing;
        this.shared = shared;
    }

    @Override
    public void saveRoom(RoomRecord room) {
        if (shared) now(s -> { s.saveRoom(room); return null; });
        else write(s -> s.saveRoom(room));
    }

    @Override
    public void saveStudent(String code, StudentRecord student) { write(s -> s.saveStudent(code, student)); }

    @Override
    public void removeStudent(String code, String studentId) { write(s -> s.removeStudent(code, studentId)); }

    @Override
    public void removeRoom(String code) {
        if (shared) now(s -> { s.removeRoom(code); return null; });
        else write(s -> s.removeRoom(code));
    }

    /** Queued as the roster's changes are (after the student's removal from it): the teacher never waits for it. */
    @Override
    public void ban(String code, Ban ban) { write(s -> s.ban(code, ban)); }

    @Override
    public void endRoom(EndedRecord ended, long forgetBeforeMillis) {
        if (shared) now(s -> { s.endRoom(ended, forgetBeforeMillis); return null; });
        else write(s -> s.endRoom(ended, forgetBeforeMillis));
    }

    @Override
    public List<Ban> bans(String code) { return existing ? reader().bans(code) : List.of(); }

    @Override
    public EndedRecord ended(String code) { return existing ? reader().ended(code) : null; }

    @Override
    public List<EndedRecord> endedRooms() { return existing ? reader().endedRooms() : List.of(); }

    /** Waits for the write (after those queued before it): another server must see the room at once. */
    @Override
    public boolean createRoom(RoomRecord room) { return now(s -> s.createRoom(room)); }

    /** Waits for the number: it is allocated by the database, for every server alike. */
    @Override
    public int addStudent(String code, StudentRecord student, int limit) { return now(s -> s.addStudent(code, student, limit)); }

    @Override
    public void touch(Collection<String> codes, long nowMillis) {
        List<String> copy = List.copyOf(codes);
        write(s -> s.touch(copy, nowMillis));
    }

    @Override
    public void removeIdle(long beforeMillis, Consumer<String> closed) { write(s -> s.removeIdle(beforeMillis, closed)); }

    @Override
    public RoomRecord room(String code) { return existing ? reader().room(code) : null; }

    @Override
    public TokenOwner byToken(String tokenHash) { return existing ? reader().byToken(tokenHash) : null; }

    @Override
    public List<StudentRecord> students(String code) { return existing ? reader().students(code) : List.of(); }

    /** At start: waits for the database to open (at most {@link #RESTORE_WAIT_NANOS}) rather than forgetting the rooms. */
    @Override
    public List<RoomRecord> rooms() {
        if (!existing) return List.of();
        long deadline = System.nanoTime() + RESTORE_WAIT_NANOS;
        RoomStore s = open();
        while (s == null && System.nanoTime() < deadline) {
            try {
                Thread.sleep(MIN_BACKOFF_NANOS / 1_000_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            s = open();
        }
        if (s == null) throw new RoomException(RoomException.Kind.UNAVAILABLE, "the class database cannot be reached");
        return s.rooms();
    }


    /** Finishes the queued writes, and tries those waiting for a retry once more (a few seconds at most), then closes the database. */
    @Override
    public void close() {
        retries.shutdownNow();
        try {
            writer.execute(this::makeWaitingWrites); // writes waiting for a retry get one last try
        } catch (RejectedExecutionException closed) {
            // closed already
        }
        writer.shutdown();
        try {
            writer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (store != null) store.close();
        }
    }

    private interface Write { void to(RoomStore s); }

    /**
     * Runs {@code w} on the writer thread after the writes queued before it and waits for its
     * answer (a few seconds at most); a database that cannot answer is a refusal the caller reports.
     */
    private <T> T now(Function<RoomStore, T> w) {
        Future<T> f;
        try {
            f = writer.submit(() -> {
                makeWaitingWrites(); // in order: a room's earlier changes before this
                return w.apply(reader());
            });
        } catch (RejectedExecutionException e) {
            throw new RoomException(RoomException.Kind.UNAVAILABLE, "the server is busy storing classes; try again in a moment");
        }
        try {
            return f.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RoomException r) throw r;
            LOG.warn("room store failed", e.getCause());
            throw new RoomException(RoomException.Kind.UNAVAILABLE, "the class database did not answer; try again in a moment");
        } catch (TimeoutException e) {
            throw new RoomException(RoomException.Kind.UNAVAILABLE, "the class database did not answer in time; try again in a moment");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RoomException(RoomException.Kind.UNAVAILABLE, "the server is stopping");
        }
    }

    private void write(Write w) {
        try {
            writer.execute(() -> {
                if (waiting.size() >= MAX_WAITING) {
                    logRarely("room store: " + waiting.size() + " changes wait for the database; a change is kept in memory only");
                    return;
                }
                waiting.add(w);
                makeWaitingWrites();
            });
        } catch (RejectedExecutionException e) {
            LOG.warn("room store queue full or closed; a change is kept in memory only");
        }
    }

    /**
     * On the writer thread: makes the waiting writes in order. The database away, they wait and a
     * retry is scheduled; one the database answers but refuses ({@link #TRIES} times) is dropped.
     */
    private void makeWaitingWrites() {
        while (!waiting.isEmpty()) {
            RoomStore s = open();
            if (s == null) {
                scheduleRetry();
                return;
            }
            try {
                waiting.peek().to(s);
                waiting.poll();
                triesOfFirst = 0;
            } catch (RuntimeException e) {
                if (s.reachable() && ++triesOfFirst >= TRIES) {
                    waiting.poll();
                    triesOfFirst = 0;
                    LOG.warn("could not store a room change: " + e.getMessage());
                    continue;
                }
                logRarely("room store: the database does not answer (" + e.getMessage() + "); " + waiting.size() + " change(s) wait");
                scheduleRetry();
                return;
            }
        }
    }

    private void scheduleRetry() {
        synchronized (this) {
            if (retryScheduled) return;
            retryScheduled = true;
        }
        try {
            retries.schedule(() -> {
                synchronized (this) {
                    retryScheduled = false;
                }
                try {
                    writer.execute(this::makeWaitingWrites);
                } catch (RejectedExecutionException closing) {
                    // the server is stopping
                }
            }, backoffNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closing) {
            // the server is stopping
        }
    }

    private RoomStore reader() {
        RoomStore s = open();
        if (s == null) throw new RoomException(RoomException.Kind.UNAVAILABLE, "the class database cannot be reached; try again in a moment");
        return s;
    }

    /** The store, opened now if the last failed attempt is far enough back; null while it cannot be. */
    private synchronized RoomStore open() {
        if (store != null) return store;
        if (System.nanoTime() - nextOpenNanos < 0) return null;
        try {
            store = opener.get();
            backoffNanos = MIN_BACKOFF_NANOS;
        } catch (RuntimeException e) {
            nextOpenNanos = System.nanoTime() + backoffNanos;
            backoffNanos = Math.min(MAX_BACKOFF_NANOS, backoffNanos * 2);
            logRarely("rooms cannot be stored at the moment (" + e.getMessage() + "); trying again, the class goes on in memory");
        }
        return store;
    }

    private synchronized long backoffNanos() { return Math.max(nextOpenNanos - System.nanoTime(), backoffNanos / 2); }

    /** Logs at most every 30 s (a database that is away must not flood the log). */
    private synchronized void logRarely(String message) {
        long now = System.currentTimeMillis();
        if (now - lastLogMillis < 30_000) return;
        lastLogMillis = now;
        LOG.warn(message);
    }
}
