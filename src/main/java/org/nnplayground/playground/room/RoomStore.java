package org.nnplayground.playground.room;

import java.util.List;

/**
 * Where rooms and rosters are kept so they can outlive the process (with a database); the
 * in-memory one keeps them for the process's life. Sessions themselves are not stored: a
 * student coming back after a restart gets a fresh run of their last link.
 */
public interface RoomStore {
    /** A room as stored: its code, the teacher key's hash, current exercise link (may be null) and creation time. */
    record RoomRecord(String code, String teacherKey, String exerciseLink, boolean anonymized, long createdMillis) {}

    /** A student as stored: id, the resume token's hash, name, the last link of their run. */
    record StudentRecord(String id, String token, String name, int number, String link, long joinedMillis) {}

    void saveRoom(RoomRecord room);

    void saveStudent(String code, StudentRecord student);

    void removeStudent(String code, String studentId);

    void removeRoom(String code);

    List<RoomRecord> rooms();

    List<StudentRecord> students(String code);

    /** Releases the store's connections (the server is stopping). */
    default void close() {}
}
