package org.nnplayground.playground.room;

import org.nnplayground.playground.session.Session;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a class shows of its students: the report (CSV), the leaderboard, one student's curve and
 * shown name, and each tick's update of the dashboards. Locking: {@link RoomState}.
 */
final class RoomReports {
    private final RoomState st;
    private final RoomMembers members;

    RoomReports(RoomState st, RoomMembers members) {
        this.st = st;
        this.members = members;
    }

    /** The class report (CSV): one row per student. */
    String report() {
        synchronized (st) { return ClassReport.of(st.roster.all(), st.context.replica().id()); }
    }

    /** The leaderboard now (names anonymized when the room is). */
    List<Leaderboard.Entry> leaderboard() {
        synchronized (st) { return Leaderboard.of(st.roster.all(), st.anonymized, st.context.replica().id()); }
    }

    /** A student's curve so far (for a teacher opening their run). */
    ChartLog.Points chartOf(String studentId) {
        synchronized (st) { return st.roster.require(studentId).chart.points(); }
    }

    /** A student's shown name (anonymized or not). */
    String displayName(String studentId) {
        synchronized (st) { return st.roster.require(studentId).shownName(st.anonymized); }
    }

    /**
     * One tick of the room's ticker: frees the sessions of students away past the grace period,
     * takes off the cards that expired, samples every student's curve and best loss, and sends each
     * ready dashboard the cards that changed since its last update. A dashboard still writing its
     * last update is skipped. The sessions here draw their boundaries while someone shows the class view.
     */
    void tick(long now) {
        List<Student> expired = new ArrayList<>();
        List<Map.Entry<Session, Boolean>> boundaries = update(now, expired);
        for (Student s : expired) members.forgotten(s);
        for (Map.Entry<Session, Boolean> b : boundaries) b.getKey().boundaries(b.getValue());
    }

    /** A student's card has expired: left for {@link RoomLimits#LEFT_CARD_MILLIS}, or never connected after joining. */
    static boolean expired(Student s, long now) {
        if (s.left && s.leftSince != 0) return now - s.leftSince > RoomLimits.LEFT_CARD_MILLIS;
        return !s.connectedOnce && !s.link.attached() && now - s.joinedMillis > RoomLimits.NEVER_CONNECTED_MILLIS;
    }

    private List<Map.Entry<Session, Boolean>> update(long now, List<Student> expired) {
        synchronized (st) {
            if (st.closed) return List.of();
            for (Student s : List.copyOf(st.roster.all())) {
                if (!st.remote(s) && expired(s, now)) {
                    st.roster.remove(s.id);
                    members.drop(s);
                    expired.add(s);
                }
            }
            if (!st.dashboards.isEmpty() || st.roster.all().stream().anyMatch(s -> s.link.attached())) st.lastUsedMillis = now;
            long hearingSince = st.context.events().hearingSinceMillis();
            for (Student s : st.roster.all()) {
                if (st.remote(s)) {
                    RemoteCards.age(s, now, hearingSince);
                    continue;
                }
                st.sessions.freeAfterGrace(s, now);
                s.sample(now);
            }
            RosterUpdate state = new RosterUpdate(false, st.code, st.roster.size(), st.anonymized, st.spotlight, st.exerciseLink(),
                    st.locked(), List.of(), List.of(), Leaderboard.of(st.roster.all(), st.anonymized, st.context.replica().id()));
            st.dashboards.send(st.roster.all(), state, st.context.replica().id());
            return ClassViewers.changes(st.roster.all(), st.classViewers.shown(now));
        }
    }
}
