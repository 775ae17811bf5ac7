package org.nnplayground.playground.store;

import org.junit.jupiter.api.Test;
import org.nnplayground.playground.room.LocalRoomEvents;
import org.nnplayground.playground.room.Room;
import org.nnplayground.playground.room.RoomException;
import org.nnplayground.playground.room.RoomLimits;
import org.nnplayground.playground.room.RoomStore;
import org.nnplayground.playground.room.RoomStore.RoomRecord;
import org.nnplayground.playground.room.RoomStore.StudentRecord;
import org.nnplayground.playground.room.Rooms;
import org.nnplayground.playground.session.SessionDescription;
import org.nnplayground.playground.session.SessionListener;
import org.nnplayground.playground.session.SessionRegistry;
import org.nnplayground.playground.session.SessionScheduler;
import org.nnplayground.playground.session.SessionState;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the room store must do on every database it runs on (H2 and a real PostgreSQL, no mocks):
 * rooms and rosters come back whole, updates keep the roster, removals cascade, and a restart of
 * {@link Rooms} over a reopened store brings back rooms, rosters, exercises and locks.
 */
abstract class RoomStoreContract {
    private static final AtomicInteger NEXT = new AtomicInteger();
    /** A student's socket that takes nothing (no web server here). */
    private static final SessionListener NO_SOCKET = new SessionListener() {
        public void description(SessionDescription description) {}
        public void frame(ByteBuffer frame) {}
        public void status(SessionState state, String message) {}
        public void link(String hash) {}
        public void error(String message, String request) {}
        public boolean canSendFrame() { return false; }
    };

    /** The store under test (open for the whole class). */
    abstract RoomStore store();

    /** A new connection to the same database, as after a server restart. */
    abstract RoomStore reopen();

    /** A code no other test (or earlier run on the same database) uses: 6 characters of the join alphabet. */
    private static String code() {
        String alphabet = "ACDEFGHJKMNPQRTUVWXY";
        long n = System.nanoTime() / 1000 + NEXT.incrementAndGet();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            b.append(alphabet.charAt((int) (n % alphabet.length())));
            n /= alphabet.length();
        }
        return b.toString();
    }

    private Optional<RoomRecord> room(RoomStore store, String code) {
        return store.rooms().stream().filter(r -> r.code().equals(code)).findFirst();
    }

    @Test
    void sharedServersCreateRoomsOnceAndNumberStudentsInTheDatabase() {
        String code = code();
        long created = System.currentTimeMillis();
        assertTrue(store().createRoom(new RoomRecord(code, "k".repeat(64), null, false, created)));
        assertTrue(!store().createRoom(new RoomRecord(code, "other", null, false, created)), "a taken code is refused");
        assertEquals("k".repeat(64), store().room(code).teacherKey());
        assertNull(store().room(code() + "X"));
        assertEquals(1, store().addStudent(code, new StudentRecord("s1", "t1".repeat(32), "Ann", 0, null, created), 2));
        assertEquals(2, store().addStudent(code, new StudentRecord("s2", "t2".repeat(32), "Bo", 0, "dataset=xor", created), 2));
        assertEquals(0, store().addStudent(code, new StudentRecord("s3", "t3".repeat(32), "Cy", 0, null, created), 2), "full");
        store().removeStudent(code, "s1");
        assertEquals(3, store().addStudent(code, new StudentRecord("s4", "t4".repeat(32), "Di", 0, null, created), 2),
                "a number is never given twice, even after a student left");
        assertEquals(-1, store().addStudent(code() + "Y", new StudentRecord("s5", "t5".repeat(32), "Ed", 0, null, created), 2));
        assertEquals(new RoomStore.TokenOwner(code, "s2"), store().byToken("t2".repeat(32)));
        assertNull(store().byToken("nope"));
        store().removeRoom(code);
    }

    @Test
    void sharedRoomsNobodyUsedForLongAreRemoved() {
        String old = code();
        String used = code();
        long longAgo = System.currentTimeMillis() - 48L * 3600 * 1000;
        store().createRoom(new RoomRecord(old, "k", null, false, longAgo));
        store().createRoom(new RoomRecord(used, "k", null, false, longAgo));
        store().touch(List.of(used), System.currentTimeMillis());
        List<String> closed = new java.util.ArrayList<>();
        store().removeIdle(System.currentTimeMillis() - 12L * 3600 * 1000, closed::add);
        assertTrue(closed.contains(old), closed.toString());
        assertTrue(!closed.contains(used));
        assertNull(store().room(old));
        assertEquals(used, store().room(used).code());
        store().removeRoom(used);
    }

    @Test
    void removedStudentsAndEndedClassesAreKept() {
        String code = code();
        long created = System.currentTimeMillis();
        assertTrue(store().createRoom(new RoomRecord(code, "k".repeat(64), null, false, created)));
        assertEquals(1, store().addStudent(code, new StudentRecord("s1", "a".repeat(64), "Ada", 0, null, created), 5));
        store().removeStudent(code, "s1");
        store().ban(code, new RoomStore.Ban("a".repeat(64), "ada"));
        store().ban(code, new RoomStore.Ban("a".repeat(64), "ada")); // two servers heard the removal
        RoomStore again = reopen();
        try {
            assertEquals(List.of(new RoomStore.Ban("a".repeat(64), "ada")), again.bans(code), "kept once, for the next start");
        } finally {
            again.close();
        }
        assertEquals(new RoomStore.TokenOwner(code, null), store().byToken("a".repeat(64)), "a removed token still names its class");

        // ended long ago: forgetting what ended before it touches no other test's class on a shared database
        long ended = created - 30L * 24 * 3600 * 1000;
        store().endRoom(new RoomStore.EndedRecord(code, "k".repeat(64), "name,epoch\nAda,3\n", ended), ended - 12L * 3600 * 1000);
        assertNull(store().room(code), "the room itself goes");
        assertTrue(store().bans(code).isEmpty(), "its removals with it");
        again = reopen();
        RoomStore.EndedRecord back;
        try {
            back = again.ended(code);
        } finally {
            again.close();
        }
        assertEquals(new RoomStore.EndedRecord(code, "k".repeat(64), "name,epoch\nAda,3\n", ended), back);
        assertTrue(store().endedRooms().contains(back));
        assertTrue(!store().createRoom(new RoomRecord(code, "k2", null, false, ended)), "an ended class's code is not given again");

        // a class that ended more than 12 hours before another ends is forgotten then (the caller says when)
        String later = code();
        store().createRoom(new RoomRecord(later, "k", null, false, ended));
        store().endRoom(new RoomStore.EndedRecord(later, "k", "", ended + 13L * 3600 * 1000), ended + 1);
        assertNull(store().ended(code));
        assertEquals(later, store().ended(later).code());
    }

    @Test
    void roomsAndRostersComeBackWhole() {
        String code = code();
        long created = 1_700_000_000_123L;
        store().saveRoom(new RoomRecord(code, "k".repeat(64), "dataset=xor&learningRate_hide=true", false, created));
        store().saveStudent(code, new StudentRecord("s2", "t".repeat(64), "Bea", 2, "dataset=xor&batchSize=7", created + 2));
        store().saveStudent(code, new StudentRecord("s1", "u".repeat(64), "Ada <b>", 1, null, created + 1));
        RoomRecord back = room(store(), code).orElseThrow();
        assertEquals(new RoomRecord(code, "k".repeat(64), "dataset=xor&learningRate_hide=true", false, created), back);
        assertEquals(List.of(new StudentRecord("s1", "u".repeat(64), "Ada <b>", 1, null, created + 1),
                new StudentRecord("s2", "t".repeat(64), "Bea", 2, "dataset=xor&batchSize=7", created + 2)),
                store().students(code), "in joining order");
        store().removeRoom(code);
    }

    @Test
    void savingARoomAgainUpdatesItAndKeepsTheRoster() {
        String code = code();
        store().saveRoom(new RoomRecord(code, "k", null, false, 1000));
        store().saveStudent(code, new StudentRecord("s1", "t", "Ada", 1, "a=1", 1000));
        store().saveRoom(new RoomRecord(code, "k", "dataset=circle", true, 1000));
        RoomRecord back = room(store(), code).orElseThrow();
        assertEquals("dataset=circle", back.exerciseLink());
        assertTrue(back.anonymized());
        assertEquals(1, store().students(code).size(), "the roster survives an exercise push");
        store().saveRoom(new RoomRecord(code, "k", null, false, 1000));
        assertNull(room(store(), code).orElseThrow().exerciseLink(), "an exercise can be cleared");
        store().removeRoom(code);
    }

    @Test
    void aStudentIsReplacedInPlaceAndRemovedAlone() {
        String code = code();
        store().saveRoom(new RoomRecord(code, "k", null, false, 1000));
        store().saveStudent(code, new StudentRecord("s1", "t", "Ada", 1, "a=1", 1000));
        store().saveStudent(code, new StudentRecord("s2", "t2", "Bea", 2, "a=1", 1001));
        store().saveStudent(code, new StudentRecord("s1", "t", "Ada", 1, "a=2&b=3", 1000));
        assertEquals(List.of("a=2&b=3", "a=1"), store().students(code).stream().map(StudentRecord::link).toList());
        store().removeStudent(code, "s1");
        assertEquals(List.of("s2"), store().students(code).stream().map(StudentRecord::id).toList());
        store().removeRoom(code);
        assertTrue(room(store(), code).isEmpty());
        assertTrue(store().students(code).isEmpty(), "a closed room's roster goes with it");
    }

    @Test
    void aStudentOfAnUnknownRoomIsRefusedWithAPlainError() {
        StoreException e = assertThrows(StoreException.class,
                () -> store().saveStudent(code(), new StudentRecord("s1", "t", "Ada", 1, null, 1000)));
        assertTrue(e.getMessage().startsWith("could not store the room"), e.getMessage());
    }

    @Test
    void roomsRostersAndExercisesSurviveARestart() {
        SessionScheduler scheduler = new SessionScheduler(1, 30);
        SessionRegistry sessions = new SessionRegistry(scheduler, 50, 50, 50);
        RoomLimits limits = new RoomLimits(5, 1000, Duration.ofMinutes(5), 10);
        RoomStore first = reopen();
        try {
            Rooms before = new Rooms(sessions, new LocalRoomEvents(), first, limits);
            Rooms.Created made = before.create("dataset=xor&networkShape=2&seed=0.1&learningRate_hide=true", "10.0.0.1");
            Rooms.Joined ann = before.join(made.code(), "Ann", "10.0.0.1");
            before.join(made.code(), "Ben", "10.0.0.2");
            before.find(made.code(), "10.0.0.1").anonymize(true);
            before.close(); // the server stops: the store closes with it
            assertEquals(0, sessions.size());

            Rooms after = new Rooms(sessions, new LocalRoomEvents(), reopen(), limits);
            try {
                Room room = after.forTeacher(made.code(), made.teacherKey(), "10.0.0.9");
                assertEquals(2, room.size());
                assertTrue(room.anonymized());
                assertTrue(room.exerciseLink().contains("dataset=xor"));
                assertTrue(room.refusal("set", "learningRate").contains("locked"), "the exercise's locks come back");
                assertEquals(RoomException.Kind.FORBIDDEN,
                        assertThrows(RoomException.class, () -> after.forTeacher(made.code(), made.teacherKey() + "x", "10.0.0.9")).kind());
                Rooms.Membership m = after.resume(ann.token(), NO_SOCKET, "10.0.0.1");
                assertEquals(ann.studentId(), m.studentId());
                assertEquals("Ann", m.name());
                assertTrue(m.session() != null && sessions.size() == 1, "the student comes back to a fresh run");
                after.close(room);
                assertTrue(room(store(), made.code()).isEmpty(), "a closed room leaves the database");
            } finally {
                after.close();
            }
        } finally {
            scheduler.close();
        }
    }
}
