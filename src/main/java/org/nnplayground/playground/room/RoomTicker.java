package org.nnplayground.playground.room;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * The rooms' ticker, {@link #TICKS_PER_SECOND} times a second on its own thread: each room
 * frees the sessions of students away past the grace period and sends its dashboards what changed;
 * rooms idle too long are closed. With several servers it also sends the others this server's
 * cards, drops copies of rooms nobody uses here, and tells the store which rooms are in use.
 * Each room takes its own lock for its part of a tick (one room at a time); the store and the
 * events are reached outside every room's lock.
 */
final class RoomTicker implements AutoCloseable {
    /** Dashboard updates per second: every card at least twice a second even when one tick is skipped. */
    static final int TICKS_PER_SECOND = 4;
    /** A room with no dashboard open and no student connected for this long is closed. */
    static final long IDLE_ROOM_MILLIS = 12L * 3600 * 1000;
    /** Ticks between two card summaries to the other servers (twice a second), and between two summaries of every card. */
    static final int SUMMARY_TICKS = TICKS_PER_SECOND / 2;
    static final int HEARTBEAT_TICKS = TICKS_PER_SECOND * 3;
    /** A copy of a shared room that nobody has used on this server for this long is dropped here. */
    static final long IDLE_COPY_MILLIS = 10L * 60 * 1000;
    private static final Logger LOG = LoggerFactory.getLogger(RoomTicker.class);

    private final Map<String, Room> rooms;
    private final RoomContext context;
    private final Consumer<Room> close;
    private final Consumer<Room> closedElsewhere;
    private final LongConsumer everyMinute;
    private final ScheduledExecutorService executor;
    private long ticks;
    private long lastTouchMillis;
    private long lastSweepMillis = System.currentTimeMillis();

    /**
     * Ticks {@code rooms} (the server's live map: a room dropped or closed here leaves it);
     * {@code close} closes a room for good, {@code closedElsewhere} hears of a room closed on another
     * server (or set aside here), {@code everyMinute} forgets old per-address records.
     */
    RoomTicker(Map<String, Room> rooms, RoomContext context, Consumer<Room> close, Consumer<Room> closedElsewhere, LongConsumer everyMinute) {
        this.rooms = rooms;
        this.context = context;
        this.close = close;
        this.closedElsewhere = closedElsewhere;
        this.everyMinute = everyMinute;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "room-ticker");
            t.setDaemon(true);
            return t;
        });
        long period = 1000 / TICKS_PER_SECOND;
        executor.scheduleAtFixedRate(this::tick, period, period, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        long now = System.currentTimeMillis();
        ticks++;
        boolean shared = context.replica().shared();
        for (Room r : rooms.values()) {
            try {
                if (r.closed()) {
                    rooms.remove(r.code(), r); // closed on another server
                    closedElsewhere.accept(r);
                    continue;
                }
                if (shared) {
                    shareCards(r);
                    if (r.idleMillis(now) > IDLE_COPY_MILLIS && r.ownsNoSession()) {
                        // nobody uses this copy here: drop it (the room lives on in the store and on other servers)
                        rooms.remove(r.code(), r);
                        r.suspend();
                        continue;
                    }
                }
                if (!shared && r.idleMillis(now) > IDLE_ROOM_MILLIS) {
                    // a room nobody has opened for half a day is over: its place goes to new classes
                    close.accept(r);
                    continue;
                }
                r.tick(now);
            } catch (RuntimeException e) {
                LOG.warn("room tick failed for " + r.code(), e);
            }
        }
        if (shared) sweepShared(now);
        // forget old per-address records so the maps do not grow with every address ever seen
        if (now % 60_000 < 1000 / TICKS_PER_SECOND) everyMinute.accept(now);
    }

    /** Sends the other servers the cards of this server's students in room {@code r}, and whether its class view is shown here (outside the room's lock). */
    private void shareCards(Room r) {
        if (ticks % SUMMARY_TICKS != 0) return;
        boolean all = ticks % HEARTBEAT_TICKS == 0;
        List<RoomEvent.RemoteCard> cards = r.ownCards(all);
        if (!cards.isEmpty()) context.events().publish(r.code(), new RoomEvent.Cards(context.replica().id(), cards));
        if (all) r.repeatClassView();
    }

    /**
     * Rooms spanning servers: once a minute the store hears which rooms are in use here; every ten
     * minutes, rooms nobody used on any server for {@link #IDLE_ROOM_MILLIS} are closed (each
     * server's copy hears it).
     */
    private void sweepShared(long now) {
        if (now - lastTouchMillis < 60_000) return;
        lastTouchMillis = now;
        List<String> used = new ArrayList<>();
        for (Room r : rooms.values()) if (r.idleMillis(now) < 60_000) used.add(r.code());
        if (!used.isEmpty()) context.store().touch(used, now);
        if (now - lastSweepMillis < 10 * 60_000) return;
        lastSweepMillis = now;
        context.store().removeIdle(now - IDLE_ROOM_MILLIS, code -> context.events().publish(code, new RoomEvent.Closed()));
    }

    /** Stops ticking (a tick under way is interrupted). */
    @Override
    public void close() { executor.shutdownNow(); }
}
