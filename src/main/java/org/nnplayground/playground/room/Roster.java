package org.nnplayground.playground.room;

import org.nnplayground.playground.link.PlaygroundLink;
import org.nnplayground.playground.link.PlaygroundSettings;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who is in one room, in join order, and the highest join number given so far (the next student
 * here is "Student N+1"). Students other servers or an earlier run of this one added come in
 * "left", without a session, until their own socket or their server's cards say otherwise.
 * Guarded by the room's lock: the room calls every method holding it.
 */
final class Roster {
    private final Map<String, Student> students = new LinkedHashMap<>();
    private int joined;

    Collection<Student> all() { return students.values(); }

    int size() { return students.size(); }

    List<String> ids() { return List.copyOf(students.keySet()); }

    boolean contains(String studentId) { return students.containsKey(studentId); }

    /** The student with this id, or null. */
    Student get(String studentId) { return students.get(studentId); }

    /** The student with this id; a clear refusal when there is none. */
    Student require(String studentId) {
        Student s = studentId == null ? null : students.get(studentId);
        if (s == null) throw new RoomException(RoomException.Kind.NOT_FOUND, "no such student in this class");
        return s;
    }

    /** The student whose resume token hashes to {@code tokenHash}, or null. */
    Student byTokenHash(String tokenHash) {
        for (Student s : students.values()) if (Secrets.same(s.token, tokenHash)) return s;
        return null;
    }

    /** The join number of a student joining on this server alone (with several, the store counts). */
    int nextNumber() { return ++joined; }

    void add(Student s) {
        students.put(s.id, s);
        joined = Math.max(joined, s.number);
    }

    /**
     * Adds a student this server holds no session for (stored, or joined on another server),
     * "left" on their last link; false when they are on the roster already.
     */
    boolean addAway(String id, String tokenHash, String name, int number, long joinedMillis, String link) {
        if (students.containsKey(id)) return false;
        Student s = new Student(id, tokenHash, name, number, joinedMillis);
        s.left = true;
        s.leftSince = System.currentTimeMillis();
        s.connectedOnce = true; // known from elsewhere: their card ages as "left", never as a join that did not connect
        s.lastSettings = settingsOf(link);
        add(s);
        return true;
    }

    /** Takes the student off the roster; null when they were not on it. */
    Student remove(String studentId) { return students.remove(studentId); }

    /** Takes off every student whose id is not in {@code kept}, and returns them. */
    List<Student> removeAllBut(Set<String> kept) {
        List<Student> gone = new ArrayList<>();
        for (Student s : List.copyOf(students.values())) {
            if (!kept.contains(s.id)) {
                students.remove(s.id);
                gone.add(s);
            }
        }
        return gone;
    }

    void clear() { students.clear(); }

    private static PlaygroundSettings settingsOf(String link) {
        if (link == null) return null;
        try {
            return PlaygroundLink.parse(link, new SecureRandom()).settings();
        } catch (RuntimeException stale) {
            return null; // their last link no longer parses: they get the exercise
        }
    }
}
