package org.nnplayground.playground.room;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A room database whose first opens fail (slow under load, or down at start): the store tries again
 * with a backoff, never settles for memory only, and writes what was made meanwhile once it opens.
 */
class BackgroundRoomStoreTest {
    private static final RoomStore.RoomRecord ROOM = new RoomStore.RoomRecord("ABCDEF", "hash", null, false, 1_000L);
    private static final RoomStore.StudentRecord ANA = new RoomStore.StudentRecord("s1", "t1", "Ana", 1, "a=1", 2_000L);

    /** Opens {@code store} after {@code failures} failed attempts; counts the attempts. */
    private static Supplier<RoomStore> failingFirst(int failures, RoomStore store, AtomicInteger attempts) {
        return () -> {
            if (attempts.incrementAndGet() <= failures) throw new IllegalStateException("Connection is not available, request timed out");
            return store;
        };
    }

    @Test
    void roomsMadeWhileTheDatabaseWouldNotOpenAreWrittenWhenItDoes() throws Exception {
        InMemoryRoomStore database = new InMemoryRoomStore();
        AtomicInteger attempts = new AtomicInteger();
        BackgroundRoomStore store = new BackgroundRoomStore(failingFirst(3, database, attempts), false);
        try {
            store.saveRoom(ROOM);
            store.saveStudent(ROOM.code(), ANA);
            waitUntil(() -> database.rooms().size() == 1);
            assertEquals(ROOM, database.rooms().get(0));
            waitUntil(() -> database.students(ROOM.code()).size() == 1);
            assertEquals("Ana", database.students(ROOM.code()).get(0).name());
            assertEquals(4, attempts.get(), "three failed opens, then one that worked, and none after");
        } finally {
            store.close();
        }
    }

    @Test
    void aJoinAfterFailedOpensReachesTheDatabaseOnceItAnswers() throws Exception {
        InMemoryRoomStore database = new InMemoryRoomStore();
        BackgroundRoomStore store = new BackgroundRoomStore(failingFirst(2, database, new AtomicInteger()), false);
        try {
            store.saveRoom(ROOM); // waits for the database
            int number = 0;
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (number == 0 && System.nanoTime() < deadline) {
                try {
                    number = store.addStudent(ROOM.code(), ANA, 10);
                } catch (RoomException unavailable) {
                    assertEquals(RoomException.Kind.UNAVAILABLE, unavailable.kind());
                    Thread.sleep(50);
                }
            }
            assertEquals(1, number, "the room written first, then the student joined");
        } finally {
            store.close();
        }
    }

    @Test
    void restoringAtStartWaitsForASlowFirstOpenInsteadOfForgettingTheRooms() {
        InMemoryRoomStore database = new InMemoryRoomStore();
        database.saveRoom(ROOM);
        BackgroundRoomStore store = new BackgroundRoomStore(failingFirst(2, database, new AtomicInteger()), true);
        try {
            List<RoomStore.RoomRecord> rooms = store.rooms();
            assertEquals(List.of(ROOM), rooms);
        } finally {
            store.close();
        }
    }

    @Test
    void writesTheDatabaseRefusesWhileAnsweringAreDroppedAndTheRestGoOn() throws Exception {
        InMemoryRoomStore database = new InMemoryRoomStore();
        AtomicInteger refusals = new AtomicInteger();
        RoomStore refusingOneStudent = new DelegatingStore(database) {
            @Override
            public void saveStudent(String code, StudentRecord s) {
                if (s.id().equals("bad")) {
                    refusals.incrementAndGet();
                    throw new IllegalStateException("constraint violated");
                }
                super.saveStudent(code, s);
            }
        };
        BackgroundRoomStore store = new BackgroundRoomStore(() -> refusingOneStudent, false);
        try {
            store.saveRoom(ROOM);
            store.saveStudent(ROOM.code(), new RoomStore.StudentRecord("bad", "t0", "Bad", 1, "a=1", 1L));
            store.saveStudent(ROOM.code(), ANA);
            waitUntil(() -> database.students(ROOM.code()).size() == 1);
            assertEquals("Ana", database.students(ROOM.code()).get(0).name());
            assertEquals(3, refusals.get(), "tried three times, then given up");
        } finally {
            store.close();
        }
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "not within 30 s");
            Thread.sleep(20);
        }
    }

    /** A store that passes everything to another (tests override one method). */
    private static class DelegatingStore implements RoomStore {
        private final RoomStore to;

        DelegatingStore(RoomStore to) { this.to = to; }

        @Override public void saveRoom(RoomRecord room) { to.saveRoom(room); }
        @Override public void saveStudent(String code, StudentRecord student) { to.saveStudent(code, student); }
        @Override public void removeStudent(String code, String studentId) { to.removeStudent(code, studentId); }
        @Override public void removeRoom(String code) { to.removeRoom(code); }
        @Override public List<RoomRecord> rooms() { return to.rooms(); }
        @Override public List<StudentRecord> students(String code) { return to.students(code); }
        @Override public boolean createRoom(RoomRecord room) { return to.createRoom(room); }
        @Override public int addStudent(String code, StudentRecord student, int limit) { return to.addStudent(code, student, limit); }
        @Override public void ban(String code, Ban ban) { to.ban(code, ban); }
        @Override public List<Ban> bans(String code) { return to.bans(code); }
        @Override public void endRoom(EndedRecord ended, long forgetBeforeMillis) { to.endRoom(ended, forgetBeforeMillis); }
        @Override public EndedRecord ended(String code) { return to.ended(code); }
        @Override public List<EndedRecord> endedRooms() { return to.endedRooms(); }
    }
}
