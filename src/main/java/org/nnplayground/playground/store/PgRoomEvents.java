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
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Room events between replicas that share one PostgreSQL, over LISTEN/NOTIFY (no other component
 * to run). Local subscribers get an event at once, on the publisher's thread (as with
 * {@link LocalRoomEvents}); the other replicas get it from their listener thread, which waits on a
 * connection of its own (not from the pool) and reconnects with a growing delay when it drops. A
 * replica ignores its own notifications. Sending happens on a small thread of its own, in order,
 * so no room lock and no trainer thread ever waits for the database.
 */
public final class PgRoomEvents implements RoomEvents, AutoCloseable {
    /** The one channel every replica listens on (payloads name their room). */
    static final String CHANNEL = "playground_rooms";
    private static final Logger LOG = LoggerFactory.getLogger(PgRoomEvents.class);
    private static final int WAIT_MS = 500;
    private static final long MAX_BACKOFF_MS = 30_000;

    private final LocalRoomEvents local = new LocalRoomEvents();
    private final RoomEventCodec codec = new RoomEventCodec();
    private final Database database;
    private final String replica;
    private final BlockingQueue<String> outbox = new ArrayBlockingQueue<>(20_000);
    private final Thread listener;
    private final Thread sender;
    private volatile boolean closed;
    private volatile Connection listening;
    private volatile Runnable reconnected = () -> {};
    private long droppedSince;
    /** Touched by the sender thread only. */
    private long unsent;
    private long lastUnsentLog;

    public PgRoomEvents(Database database, String replica) {
        this.database = database;
        this.replica = replica;
        this.listener = daemon(this::listen, "room-events-listen");
        this.sender = daemon(this::send, "room-events-send");
        listener.start();
        sender.start();
    }

    /** This server's name among the replicas. */
    public String replica() { return replica; }

    /**
     * Called on the listener thread after it lost its connection and has a new one: events sent
     * in between were missed, so rooms read their rosters again.
     */
    public void onReconnect(Runnable r) { reconnected = r; }

    /** True while the listen connection is up (for /health and tests). */
    public boolean listening() { return listening != null; }

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
        for (String p : payloads) {
            if (!outbox.offer(p)) dropped();
        }
    }

    @Override
    public AutoCloseable subscribe(String code, Consumer<RoomEvent> listener) { return local.subscribe(code, listener); }

    @Override
    public void close() {
        closed = true;
        listener.interrupt();
        sender.interrupt();
        Connection c = listening;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing a connection that is going away anyway
            }
        }
    }

    // ---- listening

    private void listen() {
        long backoff = WAIT_MS;
        boolean first = true;
        while (!closed) {
            try (Connection con = connect()) {
                try (Statement st = con.createStatement()) {
                    st.execute("LISTEN " + CHANNEL);
                }
                listening = con;
                if (!first) {
                    LOG.info("room events: listening again after a lost connection");
                    reconnected.run();
                }
                first = false;
                backoff = WAIT_MS;
                PGConnection pg = con.unwrap(PGConnection.class);
                while (!closed) {
                    PGNotification[] got = pg.getNotifications(WAIT_MS);
                    if (got == null) continue;
                    for (PGNotification n : got) deliver(n.getParameter());
                }
            } catch (SQLException | RuntimeException e) {
                listening = null;
                if (closed) break;
                LOG.warn("room events: no connection to the database (" + Database.rootMessage(e) + "); trying again in "
                        + backoff + " ms, rooms meanwhile see only this server's students");
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException stop) {
                    break;
                }
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
            }
        }
        listening = null;
    }

    private void deliver(String payload) {
        try {
            RoomEventCodec.Envelope e = codec.decode(payload);
            if (replica.equals(e.replica())) return;
            local.publish(e.code(), e.event());
        } catch (RuntimeException e) {
            LOG.warn("a room event from another server was not applied", e);
        }
    }

    private Connection connect() throws SQLException {
        StoreSettings.Connection c = database.settings().jdbc();
        Properties p = new Properties();
        if (c.user() != null) p.setProperty("user", c.user());
        if (c.password() != null) p.setProperty("password", c.password());
        p.setProperty("connectTimeout", "5");
        p.setProperty("tcpKeepAlive", "true");
        return DriverManager.getConnection(c.url(), p);
    }

    // ---- sending

    private void send() {
        List<String> batch = new ArrayList<>();
        while (!closed) {
            try {
                String first = outbox.poll(1, TimeUnit.SECONDS);
                if (first == null) continue;
                batch.add(first);
                outbox.drainTo(batch, 200);
                sendAll(batch);
            } catch (InterruptedException stop) {
                break;
            } catch (SQLException | RuntimeException e) {
                unsent += batch.size();
                long now = System.currentTimeMillis();
                if (now - lastUnsentLog > 30_000) { // a database that is down would otherwise log twice a second
                    LOG.warn("room events: " + unsent + " event(s) not sent to the other servers: " + Database.rootMessage(e));
                    lastUnsentLog = now;
                    unsent = 0;
                }
            }
            batch.clear();
        }
    }

    private void sendAll(List<String> payloads) throws SQLException {
        try (Connection con = database.pool().getConnection();
             PreparedStatement st = con.prepareStatement("SELECT pg_notify(?, ?)")) {
            for (String p : payloads) {
                st.setString(1, CHANNEL);
                st.setString(2, p);
                st.execute();
            }
        }
    }

    private synchronized void dropped() {
        long now = System.currentTimeMillis();
        if (now - droppedSince > 10_000) {
            droppedSince = now;
            LOG.warn("room events: the queue to the other servers is full; events are dropped");
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
