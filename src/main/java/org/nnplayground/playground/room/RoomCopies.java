package org.nnplayground.playground.room;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * This server's copies of rooms that span servers (docs/architecture.md, "Several servers"): a
 * room another server made (or made before a restart) is read from the shared store with its
 * roster when first asked for here, a student's resume token is looked up there, and after events
 * were missed every copy catches up with the store. The map of rooms is {@link Rooms}'s, guarded
 * by its own monitor when a copy is put in; store reads never happen under a room's lock.
 */
final class RoomCopies {
    private static final Logger LOG = LoggerFactory.getLogger(RoomCopies.class);

    private final Map<String, Room> rooms;
    private final RoomContext context;

    RoomCopies(Map<String, Room> rooms, RoomContext context) {
        this.rooms = rooms;
        this.context = context;
    }

    /**
     * This server's copy of the room with this code: the one held, or one read from the store
     * with its roster, after subscribing to its events so no change in between is missed.
     * Null when the store has no such room.
     */
    Room copy(String code) {
        synchronized (rooms) {
            Room here = rooms.get(code);
            if (here != null && !here.closed()) return here;
            if (here != null) rooms.remove(code, here);
            RoomStore.RoomRecord r = lookUp(() -> context.store().room(code));
            if (r == null) return null;
            Room room = Room.restore(r, List.of(), context);
            room.addStored(lookUp(() -> context.store().students(code)));
            room.addBans(lookUp(() -> context.store().bans(code)));
            room.storedSpotlight(r.spotlight());
            rooms.put(code, room);
            return room;
        }
    }

    /**
     * The copy of the room the store says holds {@code token}'s student (a student whose server
     * stopped, or whose page the load balancer sent here), or null.
     */
    Room withToken(String token) {
        RoomStore.TokenOwner owner = lookUp(() -> context.store().byToken(Secrets.hash(token)));
        Room room = owner == null ? null : copy(owner.code());
        if (room != null && room.byToken(token) == null) {
            // joined on another server a moment ago: the roster is newer than this copy's events
            room.addStored(lookUp(() -> context.store().students(owner.code())));
        }
        return room;
    }

    /**
     * The events between servers were cut for a while (their connection to the database was
     * lost): every copy reads its room and roster again; a room that is gone was closed meanwhile.
     */
    void resync() {
        for (Room r : rooms.values()) {
            try {
                RoomStore.RoomRecord stored = context.store().room(r.code());
                if (stored == null) context.events().publish(r.code(), new RoomEvent.Closed());
                else {
                    r.resync(stored, context.store().students(r.code()));
                    r.addBans(context.store().bans(r.code()));
                }
            } catch (RuntimeException e) {
                LOG.warn("room " + r.code() + " could not catch up with the database: " + e.getMessage());
            }
        }
    }

    /** A read from the shared store; a database that cannot answer is a refusal in plain words. */
    private <T> T lookUp(Supplier<T> read) {
        try {
            return read.get();
        } catch (RoomException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.warn("rooms: the database did not answer: " + e.getMessage());
            throw new RoomException(RoomException.Kind.UNAVAILABLE, "the class database cannot be reached; try again in a moment");
        }
    }
}
