package org.nnplayground.playground.room;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Classes closed on this server, remembered for a while so that a student typing the code hears
 * that the class has ended (not "no class with that code"), and the teacher's dashboard shows it
 * ended, read-only, with the class report as it was at the end. At most {@link #KEPT} classes,
 * each for {@link #KEPT_MILLIS}.
 */
final class EndedRooms {
    static final int KEPT = 500;
    static final long KEPT_MILLIS = 12L * 3600 * 1000;

    /** A class that ended: its teacher key's hash, its report when it ended, and when. */
    record Ended(String teacherKeyHash, String report, long endedMillis) {
        boolean teacher(String key) { return key != null && Secrets.same(teacherKeyHash, Secrets.hash(key)); }
    }

    private final Map<String, Ended> ended = new LinkedHashMap<>();

    synchronized void add(String code, Ended e) {
        ended.remove(code);
        ended.put(code, e);
        while (ended.size() > KEPT) {
            Iterator<String> oldest = ended.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
    }

    /** The ended class with this (normalized) code, or null. */
    synchronized Ended get(String code, long now) {
        Ended e = code == null ? null : ended.get(code);
        if (e != null && now - e.endedMillis() > KEPT_MILLIS) {
            ended.remove(code);
            return null;
        }
        return e;
    }
}
