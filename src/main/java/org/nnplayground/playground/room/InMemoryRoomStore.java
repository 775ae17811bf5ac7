package org.nnplayground.playground.room;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Rooms kept for the life of the process (no database configured). */
public final class InMemoryRoomStore implements RoomStore {
    private final Map<String, RoomRecord> rooms = new ConcurrentHashMap<>();
    private final Map<String, Map<String, StudentRecord>> students = new ConcurrentHashMap<>();

    @Override
    public void saveRoom(RoomRecord room) { rooms.put(room.code(), room); }

    @Override
    public synchronized void saveStudent(String code, StudentRecord student) {
        students.computeIfAbsent(code, c -> new LinkedHashMap<>()).put(student.id(), student);
    }

    @Override
    public synchronized void removeStudent(String code, String studentId) {
        Map<String, StudentRecord> m = students.get(code);
        if (m != null) m.remove(studentId);
    }

    @Override
    public synchronized void removeRoom(String code) {
        rooms.remove(code);
        students.remove(code);
    }

    @Override
    public List<RoomRecord> rooms() { return new ArrayList<>(rooms.values()); }

    @Override
    public synchronized List<StudentRecord> students(String code) {
        return new ArrayList<>(students.getOrDefault(code, Map.of()).values());
    }
}
