package org.nnplayground.playground.room;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nnplayground.playground.session.SessionRegistry;
import org.nnplayground.playground.session.SessionScheduler;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rooms without a web server: limits, keys, and a restart over a store (the in-memory one). */
class RoomsTest {
    private final SessionScheduler scheduler = new SessionScheduler(1, 30);
    private final SessionRegistry sessions = new SessionRegistry(scheduler, 50, 50, 50);
    private final RoomStore store = new InMemoryRoomStore();

    @AfterEach
    void stop() { scheduler.close(); }

    private Rooms rooms(int maxRooms) {
        return new Rooms(sessions, new LocalRoomEvents(), store, new RoomLimits(2, maxRooms, Duration.ofMinutes(5), 5));
    }

    @Test
    void roomsPerServerAndStudentsPerRoomAreLimited() {
        Rooms rooms = rooms(1);
        Rooms.Created made = rooms.create(null, "10.0.0.1");
        RoomException full = assertThrows(RoomException.class, () -> rooms.create(null, "10.0.0.1"));
        assertEquals(RoomException.Kind.FULL, full.kind());
        rooms.join(made.code(), "A", "1.2.3.4");
        rooms.join(made.code(), "B", "1.2.3.4");
        assertTrue(assertThrows(RoomException.class, () -> rooms.join(made.code(), "C", "1.2.3.4")).getMessage().contains("full"));
        assertEquals(2, sessions.size(), "each student's session counts against the server's limits");
        rooms.close();
    }

    @Test
    void keysAndTokensAreCheckedAndOnlyTheirHashesStored() {
        Rooms rooms = rooms(5);
        Rooms.Created made = rooms.create(null, "10.0.0.1");
        Rooms.Joined joined = rooms.join(made.code(), "Ann", "1.2.3.4");
        Room room = rooms.find(made.code(), "1.2.3.4");
        room.checkTeacher(made.teacherKey());
        assertEquals(RoomException.Kind.FORBIDDEN, assertThrows(RoomException.class, () -> room.checkTeacher(made.teacherKey() + "x")).kind());
        assertEquals(RoomException.Kind.FORBIDDEN, assertThrows(RoomException.class, () -> room.checkTeacher(null)).kind());
        assertEquals(RoomException.Kind.FORBIDDEN,
                assertThrows(RoomException.class, () -> rooms.forTeacher("ACDEFG", made.teacherKey(), "1.2.3.4")).kind(),
                "an unknown code answers like a wrong key");
        RoomStore.RoomRecord kept = store.rooms().get(0);
        assertNotEquals(made.teacherKey(), kept.teacherKey());
        assertEquals(Secrets.hash(made.teacherKey()), kept.teacherKey());
        assertEquals(Secrets.hash(joined.token()), store.students(made.code()).get(0).token());
        rooms.close();
    }

    @Test
    void aRestartKeepsRoomsRostersAndExercises() {
        Rooms first = rooms(5);
        Rooms.Created made = first.create("dataset=xor&networkShape=2&seed=0.1&learningRate_hide=true", "10.0.0.1");
        Rooms.Joined ann = first.join(made.code(), "Ann", "1.2.3.4");
        first.find(made.code(), "1.2.3.4").anonymize(true);
        first.close();
        assertEquals(0, sessions.size(), "a stopping server frees every session");

        Rooms second = rooms(5);
        Room room = second.forTeacher(made.code(), made.teacherKey(), "1.2.3.4");
        assertEquals(1, room.size());
        assertTrue(room.anonymized());
        assertTrue(room.exerciseLink().contains("dataset=xor"));
        assertTrue(room.refusal("set", "learningRate").contains("locked"));
        assertEquals("Student 1", room.displayName(ann.studentId()));
        // the student comes back with their token: a fresh session, counted again
        Rooms.Membership m = second.resume(ann.token(), new StudentLink(), "1.2.3.4");
        assertEquals(ann.studentId(), m.studentId());
        assertEquals(1, sessions.size());
        assertThrows(RoomException.class, () -> second.resume("not-a-token", new StudentLink(), "1.2.3.4"));
        second.close();
    }

    @Test
    void roomsCreatedPerAddressPerHourAreLimited() {
        Rooms rooms = new Rooms(sessions, new LocalRoomEvents(), store, new RoomLimits(2, 50, Duration.ofMinutes(5), 5, 3));
        for (int i = 0; i < 3; i++) rooms.create(null, "10.0.0.1");
        RoomException limited = assertThrows(RoomException.class, () -> rooms.create(null, "10.0.0.1"));
        assertEquals(RoomException.Kind.TOO_MANY_TRIES, limited.kind());
        assertTrue(limited.getMessage().contains("3 classes in the last hour"), limited.getMessage());
        assertEquals(3, rooms.size(), "nothing was created");
        // closing a room does not give the hour's allowance back; another address has its own
        rooms.close(rooms.find(store.rooms().get(0).code(), "10.0.0.1"));
        assertThrows(RoomException.class, () -> rooms.create(null, "10.0.0.1"));
        rooms.create(null, "10.0.0.2");
        assertEquals(3, rooms.size());
        rooms.close();
    }
}
