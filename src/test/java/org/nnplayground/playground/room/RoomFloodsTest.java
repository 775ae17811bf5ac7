package org.nnplayground.playground.room;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nnplayground.playground.session.SessionRegistry;
import org.nnplayground.playground.session.SessionScheduler;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A class that floods its room (wrong codes, fake joins, students gone): the teacher keeps the room. */
class RoomFloodsTest {
    private final SessionScheduler scheduler = new SessionScheduler(1, 30);
    private final SessionRegistry sessions = new SessionRegistry(scheduler, 1000, 1000, 10);
    private final Rooms rooms = new Rooms(sessions, new LocalRoomEvents(), new InMemoryRoomStore(), RoomLimits.defaults());

    @AfterEach
    void stop() {
        rooms.close();
        scheduler.close();
    }

    @Test
    void wrongCodesFromTheClassNeverLockTheTeacherOut() {
        Rooms.Created made = rooms.create(null, "10.0.0.1");
        int refused = 0;
        for (int i = 0; i < 40; i++) {
            RoomException e = assertThrows(RoomException.class, () -> rooms.find("ZZZZZ9", "10.0.0.1"));
            if (e.kind() == RoomException.Kind.TOO_MANY_TRIES) refused++;
        }
        assertEquals(10, refused, "30 wrong codes a minute, then the address waits");
        assertEquals(RoomException.Kind.TOO_MANY_TRIES, assertThrows(RoomException.class, () -> rooms.find(made.code(), "10.0.0.1")).kind());
        // the teacher's key passes: actions, report and the dashboard all start with forTeacher
        Room room = rooms.forTeacher(made.code(), made.teacherKey(), "10.0.0.1");
        assertSame(room, rooms.forTeacher(made.code().toLowerCase(), made.teacherKey(), "10.0.0.1"));
        room.pauseAll();
        assertTrue(room.report().startsWith("name"), room.report());
        // a wrong key from that address is still held back like a wrong code
        assertEquals(RoomException.Kind.TOO_MANY_TRIES,
                assertThrows(RoomException.class, () -> rooms.forTeacher(made.code(), made.teacherKey() + "x", "10.0.0.1")).kind());
    }

    @Test
    void fakeJoinsFromThreeAddressesCannotFillTheRoomAndOneClickClearsThem() {
        Rooms.Created made = rooms.create(null, "10.0.0.1");
        int joined = 0;
        int refused = 0;
        for (int i = 0; i < 200; i++) {
            try {
                rooms.join(made.code(), "Bot " + i, "6.6.6." + (i % 3));
                joined++;
            } catch (RoomException e) {
                assertEquals(RoomException.Kind.TOO_MANY_TRIES, e.kind(), e.getMessage());
                refused++;
            }
        }
        assertEquals(RoomLimits.UNCONNECTED_JOINS_PER_ROOM, joined, "at most the room's unconnected joins a minute");
        assertEquals(200 - RoomLimits.UNCONNECTED_JOINS_PER_ROOM, refused);
        Room room = rooms.forTeacher(made.code(), made.teacherKey(), "10.0.0.1");
        assertEquals(RoomLimits.UNCONNECTED_JOINS_PER_ROOM, room.size());
        assertTrue(room.size() < RoomLimits.defaults().studentsPerRoom(), "the room is not full");

        // one click removes every card that reads away (none of them ever connected)
        assertEquals(RoomLimits.UNCONNECTED_JOINS_PER_ROOM, room.removeAway());
        assertEquals(0, room.size());
        assertEquals(0, sessions.size(), "their sessions are freed");
    }

    @Test
    void aClassBehindOneAddressJoinsFreelyWhenEveryStudentConnects() {
        Rooms.Created made = rooms.create(null, "10.0.0.1");
        for (int i = 0; i < 3 * RoomLimits.UNCONNECTED_JOINS_PER_ADDRESS; i++) {
            Rooms.Joined j = rooms.join(made.code(), "Pupil " + i, "192.168.0.1");
            rooms.resume(j.token(), new StudentLink(), "192.168.0.1");
        }
        Room room = rooms.forTeacher(made.code(), made.teacherKey(), "10.0.0.1");
        assertEquals(3 * RoomLimits.UNCONNECTED_JOINS_PER_ADDRESS, room.size());
        assertEquals(0, room.removeAway(), "every one of them is connected");
        // without connecting, the address stops at its own count
        int fakes = 0;
        for (int i = 0; i < 2 * RoomLimits.UNCONNECTED_JOINS_PER_ADDRESS; i++) {
            try {
                rooms.join(made.code(), "Fake " + i, "192.168.0.1");
                fakes++;
            } catch (RoomException e) {
                assertEquals(RoomException.Kind.TOO_MANY_TRIES, e.kind());
            }
        }
        assertEquals(RoomLimits.UNCONNECTED_JOINS_PER_ADDRESS, fakes);
    }

    @Test
    void leftCardsAndJoinsThatNeverConnectedExpire() {
        Rooms.Created made = rooms.create(null, "10.0.0.1");
        Room room = rooms.forTeacher(made.code(), made.teacherKey(), "10.0.0.1");
        rooms.join(made.code(), "Never", "10.0.0.2");
        Rooms.Joined gone = rooms.join(made.code(), "Gone", "10.0.0.3");
        Rooms.Joined here = rooms.join(made.code(), "Here", "10.0.0.4");
        StudentLink goneTab = new StudentLink();
        Rooms.Membership goneMember = rooms.resume(gone.token(), goneTab, "10.0.0.3");
        rooms.resume(here.token(), new StudentLink(), "10.0.0.4");
        goneMember.detach(goneTab);
        long t0 = System.currentTimeMillis();

        room.tick(t0 + RoomLimits.NEVER_CONNECTED_MILLIS + 1000);
        assertEquals(2, room.size(), "the join that never connected went");
        long leftAt = t0 + RoomLimits.defaults().grace().toMillis() + 1000;
        room.tick(leftAt);
        assertEquals(2, room.size(), "a student away past the grace period is a left card");
        room.tick(leftAt + RoomLimits.LEFT_CARD_MILLIS - 1000);
        assertEquals(2, room.size());
        room.tick(leftAt + RoomLimits.LEFT_CARD_MILLIS + 1000);
        assertEquals(1, room.size(), "the left card expired; the connected student stays");
        assertEquals("Here", room.displayName(here.studentId()));
        assertEquals(0, room.removeAway(), "the one left is connected");
    }
}
