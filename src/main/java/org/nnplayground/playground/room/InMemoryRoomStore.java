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
    private final Map<String, List<Ban>> bans = new ConcurrentHashMap<>();
    private final Map<String, EndedRecord> ended = new LinkedHashMap<>();

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
        bans.remove(code);
    }

    @Override
    public synchronized void ban(String code, Ban ban) {
        if (rooms.containsKey(code)) bans.computeIfAbsent(code, c -> new ArrayList<>()).add(ban);
    }

    @Override
    public synchronized List<Ban> bans(String code) { return new ArrayList<>(bans.getOrDefault(code, List.of())); }

    @Override
    public synchronized void endRoom(EndedRecord e, long forgetBeforeMillis) {
        removeRoom(e.code());
        ended.values().removeIf(old -> old.endedMillis() < forgetBeforeMillis);
        ended.remove(e.code());
        ended.put(e.code(), e);
    }

    @Override
    public synchronized EndedRecord ended(String code) { return ended.get(code); }

    @Override
    public synchronized List<EndedRecord> endedRooms() { return new ArrayList<>(ended.values()); }

    @Override
    public synchronized boolean createRoom(RoomRecord room) {
        return !ended.containsKey(room.code()) && rooms.putIfAbsent(room.code(), room) == null;
    }

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
