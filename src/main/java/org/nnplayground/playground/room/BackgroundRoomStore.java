package org.nnplayground.playground.room;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes rooms to a database on a thread of its own, in order, so a room's lock (and a class) never
 * waits for the disk. The database opens on the first write; a failing database is logged and the
 * class goes on in memory. Reads (at start, to restore rooms) go straight through, and only when
 * {@code existing} says there is something to read.
 */
public final class BackgroundRoomStore implements RoomStore {
    private static final Logger LOG = Logger.getLogger(BackgroundRoomStore.class.getName());

    private final Supplier<RoomStore> opener;
    private final boolean existing;
    private final ThreadPoolExecutor writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(10_000), r -> {
                Thread t = new Thread(r, "room-store");
                t.setDaemon(true);
                return t;
            });
    private RoomStore store;
    private boolean failed;

    public BackgroundRoomStore(Supplier<RoomStore> opener, boolean existing) {
        this.opener = opener;
        this.existing = existing;
    }

    @Override
    public void saveRoom(RoomRecord room) { write(s -> s.saveRoom(room)); }

    @Override
    public void saveStudent(String code, StudentRecord student) { write(s -> s.saveStudent(code, student)); }

    @Override
    public void removeStudent(String code, String studentId) { write(s -> s.removeStudent(code, studentId)); }

    @Override
    public void removeRoom(String code) { write(s -> s.removeRoom(code)); }

    @Override
    public List<RoomRecord> rooms() { return existing ? open().rooms() : List.of(); }

    @Override
    public List<StudentRecord> students(String code) { return existing ? open().students(code) : List.of(); }

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

    private void write(Write w) {
        try {
            writer.execute(() -> {
                try {
                    RoomStore s = open();
                    if (s != null) w.to(s);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "could not store a class room change: " + e.getMessage());
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.warning("class room store queue full or closed; a change is kept in memory only");
        }
    }

    private synchronized RoomStore open() {
        if (store != null || failed) return store;
        try {
            store = opener.get();
        } catch (RuntimeException e) {
            failed = true;
            LOG.log(Level.WARNING, "class rooms are kept in memory only: " + e.getMessage());
        }
        return store;
    }
}
