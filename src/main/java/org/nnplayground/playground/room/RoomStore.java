package org.nnplayground.playground.room;

import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where rooms and rosters are kept so they can outlive the process (with a database); the
 * in-memory one keeps them for the process's life. Sessions themselves are not stored: a
 * student coming back after a restart gets a fresh run of their last link.
 */
public interface RoomStore {
    /**
     * A room as stored: its code, the teacher key's hash, current exercise link (may be null),
     * creation time and the student on the projector (null: none).
     */
    record RoomRecord(String code, String teacherKey, String exerciseLink, boolean anonymized, long createdMillis, String spotlight) {
        public RoomRecord(String code, String teacherKey, String exerciseLink, boolean anonymized, long createdMillis) {
            this(code, teacherKey, exerciseLink, anonymized, createdMillis, null);
        }
    }

    /** A student as stored: id, the resume token's hash, name, the last link of their run. */
    record StudentRecord(String id, String token, String name, int number, String link, long joinedMillis) {}

    void saveRoom(RoomRecord room);

    void saveStudent(String code, StudentRecord student);

    void removeStudent(String code, String studentId);

    void removeRoom(String code);

    /** A student the teacher removed: their resume token's hash and their name in lower case, refused by the class from then on. */
    record Ban(String token, String name) {}

    /** Keeps that the teacher removed a student of room {@code code} (gone with the room). */
    void ban(String code, Ban ban);

    /** The students removed from room {@code code}. */
    List<Ban> bans(String code);

    /** A class its teacher closed: the teacher key's hash, the class report as it was at the end, and when. */
    record EndedRecord(String code, String teacherKey, String report, long endedMillis) {}

    /**
     * The teacher closed the class: its room and roster go and that it ended is kept, in one go;
     * classes that ended before {@code forgetBeforeMillis} are forgotten.
     */
    void endRoom(EndedRecord ended, long forgetBeforeMillis);

    /** The class with this code that ended, or null (none, or forgotten). */
    EndedRecord ended(String code);

    /** Every class kept as ended, oldest first. */
    List<EndedRecord> endedRooms();

    List<RoomRecord> rooms();

    List<StudentRecord> students(String code);

    // ---- what servers sharing the store need (docs/architecture.md, "Several servers")

    /** Where a resume token belongs: a room and a student. */
    record TokenOwner(String code, String studentId) {}

    /** The room with this code, or null. */
    default RoomRecord room(String code) {
        for (RoomRecord r : rooms()) if (r.code().equals(code)) return r;
        return null;
    }

    /** The room and student whose resume token has this hash, or null. */
    default TokenOwner byToken(String tokenHash) {
        for (RoomRecord r : rooms()) {
            for (StudentRecord s : students(r.code())) if (s.token().equals(tokenHash)) return new TokenOwner(r.code(), s.id());
        }
        return null;
    }

    /** Stores a new room now; false when its code is taken (another server made that room). */
    boolean createRoom(RoomRecord room);

    /**
     * Stores a new student now with the room's next join number (the record's number is ignored),
     * unless the room already has {@code limit} students. Atomic for every server sharing the
     * store. Returns the number, 0 when the room is full, -1 when it no longer exists.
     */
    int addStudent(String code, StudentRecord student, int limit);

    /** Notes that these rooms are in use now (a server sharing the store has a dashboard or a student connected). */
    default void touch(Collection<String> codes, long nowMillis) {}

    /** Removes the rooms not used since {@code beforeMillis} and tells {@code closed} each one's code. */
    default void removeIdle(long beforeMillis, Consumer<String> closed) {}

    /** False when the store cannot be reached now (a write that failed is then tried again later, not given up). */
    default boolean reachable() { return true; }

    /** Releases the store's connections (the server is stopping). */
    default void close() {}
}
