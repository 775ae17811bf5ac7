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
    private final Map<String, Integer> joined = new ConcurrentHashMap<>();

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
        joined.remove(code);
    }

    @Override
    public synchronized boolean createRoom(RoomRecord room) { return rooms.putIfAbsent(room.code(), room) == null; }

    @Override
    public synchronized int addStudent(String code, StudentRecord s, int limit) {
        if (!rooms.containsKey(code)) return -1;
        Map<String, StudentRecord> m = students.computeIfAbsent(code, c -> new LinkedHashMap<>());
        if (m.size() >= limit) return 0;
        int number = joined.merge(code, 1, Integer::sum);
        m.put(s.id(), new StudentRecord(s.id(), s.token(), s.name(), number, s.link(), s.joinedMillis()));
        return number;
    }

    @Override
    public List<RoomRecord> rooms() { return new ArrayList<>(rooms.values()); }

    @Override
    public synchronized List<StudentRecord> students(String code) {
        return new ArrayList<>(students.getOrDefault(code, Map.of()).values());
    }
}
