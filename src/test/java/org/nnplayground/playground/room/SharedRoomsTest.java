package org.nnplayground.playground.room;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nnplayground.playground.session.SessionRegistry;
import org.nnplayground.playground.session.SessionScheduler;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two "replicas" in one process, sharing a store and an event carrier as servers share a
 * database (no sockets, no PostgreSQL): rooms are found through the store, numbers and the
 * roster limit count both, and a server's room limit counts the rooms made there.
 */
class SharedRoomsTest {
    private final SessionScheduler scheduler = new SessionScheduler(1, 30);
    private final SessionRegistry sessionsA = new SessionRegistry(scheduler, 50, 50, 50);
    private final SessionRegistry sessionsB = new SessionRegistry(scheduler, 50, 50, 50);
    private final RoomStore store = new InMemoryRoomStore();
    private final RoomEvents events = new LocalRoomEvents();

    @AfterEach
    void stop() { scheduler.close(); }

    private Rooms replica(String id, SessionRegistry sessions, int maxRooms) {
        return new Rooms(sessions, events, store, new RoomLimits(3, maxRooms, Duration.ofMinutes(5), 5),
                new Replica(id, true, null, Duration.ofSeconds(5)));
    }

    @Test
    void aRoomMadeOnOneServerIsFoundJoinedAndClosedOnTheOther() {
        Rooms a = replica("a", sessionsA, 1);
        Rooms b = replica("b", sessionsB, 1);
        Rooms.Created made = a.create(null, "10.0.0.1");
        Room copy = b.forTeacher(made.code(), made.teacherKey(), "10.0.0.2");
        assertEquals(made.code(), copy.code());

        Rooms.Joined ann = b.join(made.code(), "Ann", "1.2.3.4");
        Rooms.Joined bob = a.join(made.code(), "Bob", "1.2.3.5");
        Rooms.Joined cy = b.join(made.code(), "Cy", "1.2.3.6");
        assertEquals(RoomException.Kind.FULL, assertThrows(RoomException.class, () -> a.join(made.code(), "Dee", "1.2.3.7")).kind(),
                "3 students a room, counted on both");
        assertEquals(3, a.find(made.code(), "x").size());
        assertEquals(3, b.find(made.code(), "x").size());
        assertEquals(java.util.Set.of(1, 2, 3), java.util.Set.of(store.students(made.code()).stream().mapToInt(RoomStore.StudentRecord::number).boxed().toArray()));
        assertEquals(2, sessionsB.size(), "Ann's and Cy's sessions on b");
        assertEquals(1, sessionsA.size(), "Bob's on a");

        // b's room limit (1) counts the room made on b, not its copy of a's
        Rooms.Created other = b.create(null, "10.0.0.2");
        assertEquals(RoomException.Kind.FULL, assertThrows(RoomException.class, () -> b.create(null, "10.0.0.2")).kind());

        a.close(a.find(made.code(), "x"));
        assertTrue(b.find(other.code(), "x") != null);
        assertEquals(RoomException.Kind.ENDED, assertThrows(RoomException.class, () -> b.find(made.code(), "x")).kind(),
                "closed on a: b says the class has ended");
        assertEquals(0, sessionsB.size(), "b freed its students' sessions");
        assertTrue(store.room(made.code()) == null);
        a.close();
        b.close();
    }
}
