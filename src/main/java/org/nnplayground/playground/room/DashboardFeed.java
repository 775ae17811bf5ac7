package org.nnplayground.playground.room;

import org.nnplayground.playground.session.Boundary;
import org.nnplayground.playground.session.SessionSummary;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The teacher dashboards of one room and what each was last sent: every tick a ready dashboard
 * gets the cards that changed since its own last update (every card after a change of the room's
 * state) and the students removed since. A dashboard still writing its last update is skipped
 * (latest wins), so a slow one never holds the others back. A card carries its student's boundary
 * only when that changed since the dashboard last got it (about once a second while playing).
 * Guarded by the room's lock: the room calls every method holding it.
 */
final class DashboardFeed {
    /** Per dashboard, the card version last sent of each student (empty: the next update carries everything). */
    private final Map<Dashboard, Map<String, Long>> sentVersions = new HashMap<>();
    /** Per dashboard, the boundary last sent of each student (the same object until the session draws a new one). */
    private final Map<Dashboard, Map<String, Boundary>> sentBoundaries = new HashMap<>();
    private final List<String> removedSinceTick = new ArrayList<>();
    private boolean roomChanged;

    void add(Dashboard d) {
        sentVersions.put(d, new HashMap<>());
        sentBoundaries.put(d, new HashMap<>());
    }

    void remove(Dashboard d) {
        sentVersions.remove(d);
        sentBoundaries.remove(d);
    }

    void clear() {
        sentVersions.clear();
        sentBoundaries.clear();
    }

    boolean isEmpty() { return sentVersions.isEmpty(); }

    /** The exercise, spotlight, names shown or roster changed: the next update sends every card. */
    void roomChanged() { roomChanged = true; }

    /** The student is off the roster: their card goes from every dashboard. */
    void removed(String studentId) { removedSinceTick.add(studentId); }

    /**
     * Sends each ready dashboard the cards of {@code students} that changed since its last update.
     * {@code room}: the room's state and leaderboard (its full flag, cards and removals are filled
     * in here per dashboard); {@code me}: this replica (other replicas' students show their remote card).
     */
    void send(Collection<Student> students, RosterUpdate room, String me) {
        List<String> removed = List.copyOf(removedSinceTick);
        removedSinceTick.clear();
        boolean full = roomChanged;
        roomChanged = false;
        for (Map.Entry<Dashboard, Map<String, Long>> e : sentVersions.entrySet()) {
            Dashboard d = e.getKey();
            Map<String, Long> sent = e.getValue();
            Map<String, Boundary> boundaries = sentBoundaries.get(d);
            if (full) sent.clear();
            if (!d.ready()) {
                // skipped: the next update it takes must carry every change, removals included
                if (!removed.isEmpty()) sent.clear();
                continue;
            }
            if (sent.isEmpty()) boundaries.clear();
            boolean everything = sent.isEmpty();
            List<Card> cards = new ArrayList<>();
            for (Student s : students) {
                boolean remote = RemoteCards.remote(s, me);
                long version = remote ? RemoteCards.version(s) : s.cardVersion();
                Long last = sent.put(s.id, version);
                if (last == null || last != version) cards.add(card(s, remote || s.restoringHere(), room.anonymized(), boundaries));
            }
            d.update(new RosterUpdate(everything, room.code(), room.students(), room.anonymized(), room.spotlight(),
                    room.exercise(), room.locked(), cards, everything ? List.of() : removed, room.leaderboard()));
        }
    }

    /**
     * The student's card (from their summary here, or from the card their server sent), with their
     * boundary if this dashboard has not had it yet ({@code boundaries}: what it has).
     */
    private static Card card(Student s, boolean remote, boolean anonymized, Map<String, Boundary> boundaries) {
        String name = s.shownName(anonymized);
        if (remote) return RemoteCards.card(s, name, fresh(boundaries, s.id, RemoteCards.boundary(s)));
        SessionSummary m = s.summary();
        return new Card(s.id, s.number, name, m.epoch(), m.lossTrain(), m.lossTest(), m.metricTest(), m.problem(), s.stateKey(m),
                m.parameterCount(), m.lastActivityMillis(), m.thumbs(), m.thumbCount(), m.mistakes(), fresh(boundaries, s.id, m.boundary()));
    }

    /** {@code b} if the dashboard has not had it yet, else null; never the empty picture (the class view is off). */
    private static Boundary fresh(Map<String, Boundary> boundaries, String id, Boundary b) {
        if (b == null || b.size() == 0) return null;
        return boundaries.put(id, b) == b ? null : b;
    }
}
