package org.nnplayground.playground.room;

import java.util.List;

/**
 * A class in the store and on the other replicas: writing the room and its roster, reading them
 * back (a restart, a new copy, catching up after missed events), and this server's cards for the
 * others. Locking: {@link RoomState} (the store is always reached outside the lock, except a
 * student's write, which the store queues to its own thread).
 */
final class RoomReplication {
    private final RoomState st;

    RoomReplication(RoomState st) { this.st = st; }

    /** Writes the room (its exercise, hidden names, spotlight) to the store. */
    void save() {
        RoomStore.RoomRecord r;
        synchronized (st) {
            r = new RoomStore.RoomRecord(st.code, st.teacherKeyHash, st.exerciseLink(), st.anonymized, st.createdMillis, st.spotlight);
        }
        st.context.store().saveRoom(r);
    }

    /**
     * Puts stored students on the roster (those not on it yet), "left" until a card or their own
     * socket says otherwise: after a restart, or a copy of a room another server created.
     */
    void addStored(List<RoomStore.StudentRecord> stored) {
        synchronized (st) { st.rosterSync.addStored(stored); }
    }

    /** The stored spotlight, if that student is still on the roster. */
    void storedSpotlight(String studentId) {
        synchronized (st) {
            if (studentId != null && st.roster.contains(studentId)) {
                st.spotlight = studentId;
                st.dashboards.roomChanged();
            }
        }
    }

    /** Writes every student's last link to the store (the server is stopping). */
    void saveRoster() {
        synchronized (st) {
            for (Student s : st.roster.all()) {
                if (st.remote(s)) continue; // their own server keeps their link
                if (s.summary().settings() != null) s.lastSettings = s.summary().settings();
                st.context.store().saveStudent(st.code, st.record(s));
            }
        }
    }

    /**
     * Catches up with the store after events were missed (the connection that carries them was
     * lost for a while): the exercise, hidden names, who joined and who is gone. {@code apply}
     * applies an event as if it had arrived.
     */
    void resync(RoomStore.RoomRecord stored, List<RoomStore.StudentRecord> storedRoster, TeacherActions apply) {
        String link;
        synchronized (st) { link = st.exerciseLink(); }
        if (stored.exerciseLink() != null && !stored.exerciseLink().equals(link)) {
            try {
                Exercise e = Exercise.of(stored.exerciseLink());
                apply.apply(new RoomEvent.ExercisePushed(e.link(), e.locked()));
            } catch (RoomException stale) {
                // a link this version cannot read: the copy keeps its exercise
            }
        }
        apply.apply(new RoomEvent.Anonymized(stored.anonymized()));
        apply.apply(new RoomEvent.Spotlight(stored.spotlight()));
        synchronized (st) {
            if (st.closed) return;
            st.rosterSync.dropMissing(storedRoster);
        }
        addStored(storedRoster);
    }

    /**
     * The cards of the students whose sessions this server holds, for the other servers: those
     * that changed since the last call ({@code all}: every one). Empty when there is nothing to say.
     */
    List<RoomEvent.RemoteCard> ownCards(boolean all) {
        synchronized (st) {
            if (st.closed) return List.of();
            return RemoteCards.ownCards(st.roster.all(), st.context.replica().id(), all);
        }
    }

    /** True when no student of this room has a session on this server. */
    boolean ownsNoSession() {
        synchronized (st) {
            for (Student s : st.roster.all()) if (s.session != null && !s.left) return false;
            return true;
        }
    }

    /** Frees every session without forgetting the room (the server is stopping: the store keeps it). */
    void suspend() {
        synchronized (st) {
            st.suspended = true;
            for (Student s : st.roster.all()) st.sessions.free(s);
            st.dashboards.clear();
            st.classViewers.clear();
        }
        st.unsubscribe();
    }
}
