package org.nnplayground.playground.room;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Writes rooms to a database on a thread of its own, in order, so a room's lock (and a class) never
 * waits for the disk. The database opens on the first write; a failing database is logged and the
 * class goes on in memory. Reads (at start, to restore rooms) go straight through, and only when
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
    private RoomStore store;
    private boolean failed;

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

    @Override
    public List<RoomRecord> rooms() { return existing ? open().rooms() : List.of(); }


    /** Finishes the queued writes (a few seconds at most), then closes the database. */
    @Override
    public void close() {
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
                return w.apply(reader());
            });
        } catch (RejectedExecutionException e) {
            throw new RoomException(RoomException.Kind.UNAVAILABLE, "the server is busy storing classes; try again in a moment");
        }
        try {
            return f.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RoomException r) throw r;
            LOG.warn("class room store failed", e.getCause());
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
                try {
                    RoomStore s = open();
                    if (s != null) w.to(s);
                } catch (RuntimeException e) {
                    LOG.warn("could not store a class room change: " + e.getMessage());
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.warn("class room store queue full or closed; a change is kept in memory only");
        }
    }

    private RoomStore reader() {
        RoomStore s = open();
        if (s == null) throw new RoomException(RoomException.Kind.UNAVAILABLE, "the class database cannot be reached; try again in a moment");
        return s;
    }

    private synchronized RoomStore open() {
        if (store != null || failed) return store;
        try {
            store = opener.get();
        } catch (RuntimeException e) {
            failed = true;
            LOG.warn("class rooms are kept in memory only: " + e.getMessage());
        }
        return store;
    }
}
