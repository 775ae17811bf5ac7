package org.nnplayground.playground.room;

import org.nnplayground.playground.session.Session;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who shows a room's class view: the dashboards here that said so, and the other servers whose
 * dashboards do (each says so with a {@link RoomEvent.ClassView} when it starts and again every
 * few seconds while it lasts, so a server that died without a word is forgotten). Only while
 * someone shows it do this server's sessions of the room draw their boundary: nobody looking
 * costs nothing. Guarded by the room's lock.
 */
final class ClassViewers {
    /** Another server's word holds this long (it repeats it every {@link RoomTicker#HEARTBEAT_TICKS} ticks). */
    static final long LEASE_MILLIS = 7000;

    private final Set<Dashboard> here = new HashSet<>();
    /** Per other server showing it, when it last said so. */
    private final Map<String, Long> elsewhere = new HashMap<>();

    /** A dashboard here shows the class view or no longer does; true when whether any here does changed (the others are told). */
    boolean show(Dashboard d, boolean on) {
        boolean before = shownHere();
        if (on) here.add(d);
        else here.remove(d);
        return before != shownHere();
    }

    boolean shownHere() { return !here.isEmpty(); }

    /** Another server's dashboards show it ({@code on}) or no longer do; this server's own word is ignored. */
    void heard(RoomEvent.ClassView e, String me, long now) {
        if (e.replica().equals(me)) return;
        if (e.on()) elsewhere.put(e.replica(), now);
        else elsewhere.remove(e.replica());
    }

    /** True while some dashboard of the room, here or on another server, shows the class view. */
    boolean shown(long now) {
        elsewhere.values().removeIf(said -> now - said > LEASE_MILLIS);
        return shownHere() || !elsewhere.isEmpty();
    }

    void clear() {
        here.clear();
        elsewhere.clear();
    }

    /**
     * The sessions here whose drawing must change to {@code on}, with the value to tell each (called
     * after the lock is released: {@code tell}). Each student remembers the session it told to draw,
     * so a session opened again (after the grace period, a failover) is told too.
     */
    static List<Map.Entry<Session, Boolean>> changes(Collection<Student> students, boolean on) {
        List<Map.Entry<Session, Boolean>> out = new ArrayList<>();
        for (Student s : students) {
            Session now = s.left ? null : s.session;
            if (on && now != null && s.drawsBoundary != now) {
                out.add(Map.entry(now, true));
                s.drawsBoundary = now;
            } else if (!on && s.drawsBoundary != null) {
                if (s.drawsBoundary == now) out.add(Map.entry(now, false));
                s.drawsBoundary = null;
            }
        }
        return out;
    }
}
