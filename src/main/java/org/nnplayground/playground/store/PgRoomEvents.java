package org.nnplayground.playground.store;

import org.nnplayground.playground.codec.RoomEventCodec;
import org.nnplayground.playground.room.LocalRoomEvents;
import org.nnplayground.playground.room.RoomEvent;
import org.nnplayground.playground.room.RoomEvents;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Room events between replicas that share one PostgreSQL, over LISTEN/NOTIFY (no other component
 * to run). Local subscribers get an event at once, on the publisher's thread (as with
 * {@link LocalRoomEvents}); the other replicas get it from their listener thread, which waits on a
 * connection of its own and, when it drops, tries again every second at most. A replica ignores
 * its own notifications. Sending happens on a small thread of its own, in order, so no room lock
 * and no trainer thread ever waits for the database.
 * <p>
 * A database outage loses nothing younger than {@link #MAX_WAIT_NANOS}: the sender keeps what it
 * could not send (bounded) and sends it, in order, when the database answers again; older events
 * are dropped and counted ({@link #expired()}, and the log says so). Teacher actions and roster
 * changes are also kept a few minutes in a table ({@link RoomEventLog}), so a replica whose listen
 * connection was down reads, when it is back, what the others sent meanwhile (a notification is
 * only heard by a listening connection). Card summaries are neither kept nor replayed: every
 * replica sends all its cards every few seconds anyway.
 */
public final class PgRoomEvents implements RoomEvents, AutoCloseable {
    /** The one channel every replica listens on (payloads name their room). */
    static final String CHANNEL = "playground_rooms";
    private static final Logger LOG = LoggerFactory.getLogger(PgRoomEvents.class);
    private static final int WAIT_MS = 500;
    /** The longest wait between two tries to reach a database that is down (so an outage ends for us within a second of its end). */
    static final long MAX_BACKOFF_MS = 1000;
    /** An event that could not be sent for this long is dropped (a pause replayed many minutes late would surprise a class). */
    static final long MAX_WAIT_NANOS = 120_000_000_000L;
    /** Events kept while the database is away; beyond, new ones wait in the outbox, which drops when full. */
    private static final int MAX_WAITING = 10_000;
    private static final int BATCH = 200;
    private static final long SWEEP_NANOS = 60_000_000_000L;

    private final LocalRoomEvents local = new LocalRoomEvents();
    private final RoomEventCodec codec = new RoomEventCodec();
    private final RoomEventLog log;
    private final String replica;
    private final BlockingQueue<RoomEventLog.Outgoing> outbox = new ArrayBlockingQueue<>(20_000);
    private final Thread listener;
    private final Thread sender;
    private volatile boolean closed;
    private volatile Connection listening;
    private volatile long listeningSince = Long.MAX_VALUE;
    private volatile boolean sending = true;
    private volatile Runnable reconnected = () -> {};
    private final AtomicLong expired = new AtomicLong();
    private long droppedSince;
    /** Touched by the listener thread only. */
    private long lastListenLog;
    /** Touched by the sender thread only. */
    private Connection sendConnection;
    private long lastUnsentLog;
    private long lastSweep = System.nanoTime() - SWEEP_NANOS;
    /** Ids of kept events already delivered here (a notification and the catch-up may both bring one); the listener's. */
    private final Set<Long> seen = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) { return size() > 20_000; }
    });

    public PgRoomEvents(Database database, String replica) {
        this.log = new RoomEventLog(database);
        this.replica = replica;
        this.listener = daemon(this::listen, "room-events-listen");
        this.sender = daemon(this::send, "room-events-send");
        listener.start();
        sender.start();
    }

    /** This server's name among the replicas. */
    public String replica() { return replica; }

    /**
     * Called on the listener thread after it lost its connection and has a new one (and has
     * delivered the kept events it missed): rooms read their rosters again.
     */
    public void onReconnect(Runnable r) { reconnected = r; }

    /** True while the listen connection is up (for /health and tests). */
    public boolean listening() { return listening != null; }

    /** Events dropped because the database stayed away longer than {@link #MAX_WAIT_NANOS} (or the queue was full). */
    public long expired() { return expired.get(); }

    /** True when events published now go out at once: the last send worked and the listener is up. */
    @Override
    public boolean reachesOthers() { return sending && listening != null; }

    @Override
    public long hearingSinceMillis() { return listeningSince; }

    @Override
    public void publish(String code, RoomEvent event) {
        local.publish(code, event);
        List<String> payloads;
        try {
            payloads = codec.encode(replica, code, event);
        } catch (RuntimeException e) {
            LOG.warn("a room event could not be sent to the other servers", e);
            return;
        }
        // cards and the class view's word are repeated every few seconds: a missed one is not worth a row
        boolean kept = !(event instanceof RoomEvent.Cards || event instanceof RoomEvent.ClassView);
        long now = System.nanoTime();
        for (String p : payloads) {
            if (!outbox.offer(new RoomEventLog.Outgoing(p, kept, now))) dropped(kept);
        }
    }

    @Override
    public AutoCloseable subscribe(String code, Consumer<RoomEvent> listener) { return local.subscribe(code, listener); }

    @Override
    public void close() {
        closed = true;
        listener.interrupt();
        sender.interrupt();
        quietlyClose(listening);
    }

    // ---- listening

    private void listen() {
        long backoff = WAIT_MS;
        long floor = -1; // kept events after this id are looked for on a reconnect
        boolean first = true;
        while (!closed) {
            try (Connection con = log.connect()) {
                // first start: the newest row before listening (events sent in between reach rooms from the store)
                if (floor < 0) floor = log.newestId(con);
                try (Statement st = con.createStatement()) {
                    st.execute("LISTEN " + CHANNEL);
                }
                if (!first) {
                    int missed = 0;
                    for (RoomEventLog.Row r : log.since(con, floor)) if (seen.add(r.id()) && deliver(r.payload())) missed++;
                    LOG.info("room events: listening again after a lost connection (" + missed + " event(s) from other servers caught up)");
                    reconnected.run();
                }
                first = false;
                listening = con;
                listeningSince = System.currentTimeMillis();
                backoff = WAIT_MS;
                PGConnection pg = con.unwrap(PGConnection.class);
                while (!closed) {
                    PGNotification[] got = pg.getNotifications(WAIT_MS);
                    if (got == null) continue;
                    for (PGNotification n : got) heard(n.getParameter());
                }
            } catch (SQLException | RuntimeException e) {
                boolean wasListening = listening != null;
                lost();
                if (closed) break;
                long now = System.currentTimeMillis();
                if (wasListening || now - lastListenLog > 30_000) { // a database that is down would otherwise log every second
                    lastListenLog = now;
                    LOG.warn("room events: no connection to the database (" + Database.rootMessage(e) + "); trying again every "
                            + MAX_BACKOFF_MS + " ms at most, rooms meanwhile see only this server's students");
                }
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException stop) {
                    break;
                }
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
            }
        }
        lost();
    }

    private void lost() {
        listening = null;
        listeningSince = Long.MAX_VALUE;
    }

    /** A notification: a kept event ("id envelope") once, a card summary as it comes. */
    private void heard(String payload) {
        int space = payload.indexOf(' ');
        if (space > 0 && Character.isDigit(payload.charAt(0))) {
            long id;
            try {
                id = Long.parseLong(payload.substring(0, space));
            } catch (NumberFormatException e) {
                LOG.warn("a room event from another server was not applied: " + e.getMessage());
                return;
            }
            if (!seen.add(id)) return;
            payload = payload.substring(space + 1);
        }
        deliver(payload);
    }

    /** Applies another replica's event here; false when it was this replica's own or unreadable. */
    private boolean deliver(String payload) {
        try {
            RoomEventCodec.Envelope e = codec.decode(payload);
            if (replica.equals(e.replica())) return false;
            local.publish(e.code(), e.event());
            return true;
        } catch (RuntimeException e) {
            LOG.warn("a room event from another server was not applied", e);
            return false;
        }
    }

    // ---- sending

    private void send() {
        ArrayDeque<RoomEventLog.Outgoing> waiting = new ArrayDeque<>();
        while (!closed) {
            try {
                if (waiting.isEmpty()) {
                    RoomEventLog.Outgoing first = outbox.poll(1, TimeUnit.SECONDS);
                    if (first == null) {
                        sweep();
                        continue;
                    }
                    waiting.add(first);
                }
                outbox.drainTo(waiting, MAX_WAITING - waiting.size());
                expire(waiting);
                if (waiting.isEmpty()) continue;
                List<RoomEventLog.Outgoing> batch = new ArrayList<>(Math.min(BATCH, waiting.size()));
                for (RoomEventLog.Outgoing o : waiting) {
                    if (batch.size() == BATCH) break;
                    batch.add(o);
                }
                if (sendConnection == null) sendConnection = log.connectMigrated();
                log.send(sendConnection, batch);
                for (int i = 0; i < batch.size(); i++) waiting.poll();
                if (!sending) LOG.info("room events: the database answers again; the events that waited were sent");
                sending = true;
            } catch (InterruptedException stop) {
                break;
            } catch (SQLException | RuntimeException e) {
                sending = false;
                quietlyClose(sendConnection);
                sendConnection = null;
                waiting.removeIf(o -> !o.kept()); // a card summary is replaced by the next one
                long now = System.currentTimeMillis();
                if (now - lastUnsentLog > 30_000) { // a database that is down would otherwise log every second
                    LOG.warn("room events: the database does not answer (" + Database.rootMessage(e) + "); " + waiting.size()
                            + " event(s) wait to reach the other servers (card summaries are not kept)");
                    lastUnsentLog = now;
                }
                try {
                    Thread.sleep(Math.min(MAX_BACKOFF_MS, WAIT_MS / 2));
                } catch (InterruptedException stop) {
                    break;
                }
            }
        }
        quietlyClose(sendConnection);
    }

    /** Drops the events that waited too long, and says how many. */
    private void expire(ArrayDeque<RoomEventLog.Outgoing> waiting) {
        long now = System.nanoTime();
        int gone = 0;
        while (!waiting.isEmpty() && now - waiting.peek().queuedNanos() > MAX_WAIT_NANOS) {
            if (waiting.poll().kept()) gone++;
        }
        if (gone > 0) {
            expired.addAndGet(gone);
            LOG.warn("room events: " + gone + " event(s) waited more than " + MAX_WAIT_NANOS / 1_000_000_000L
                    + " s for the database and were dropped: the other servers' students never got them");
        }
    }

    /** Deletes old rows once a minute, on the connection events were sent on (a server that sends nothing leaves it to others). */
    private void sweep() {
        if (sendConnection == null || System.nanoTime() - lastSweep < SWEEP_NANOS) return;
        lastSweep = System.nanoTime();
        try {
            log.sweep(sendConnection);
        } catch (SQLException | RuntimeException e) {
            quietlyClose(sendConnection);
            sendConnection = null;
        }
    }

    private synchronized void dropped(boolean kept) {
        if (kept) expired.incrementAndGet();
        long now = System.currentTimeMillis();
        if (now - droppedSince > 10_000) {
            droppedSince = now;
            LOG.warn("room events: the queue to the other servers is full; events are dropped");
        }
    }

    private static void quietlyClose(Connection c) {
        if (c == null) return;
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing a connection that is going away anyway
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
