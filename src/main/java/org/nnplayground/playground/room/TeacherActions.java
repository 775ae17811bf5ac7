package org.nnplayground.playground.room;

import org.nnplayground.playground.session.Session;

import java.util.ArrayList;
import java.util.List;

/**
 * What the teacher does to a class, and what every server does with it: each action is published
 * as a {@link RoomEvent} and applied to this server's students when it arrives (so another server
 * applies it to its own students too). The teacher's key is checked by the caller, once per request.
 * Locking: {@link RoomState}.
 */
final class TeacherActions {
    private final RoomState st;
    private final RoomMembers members;
    private final RoomReplication replication;

    TeacherActions(RoomState st, RoomMembers members, RoomReplication replication) {
        this.st = st;
        this.members = members;
        this.replication = replication;
    }

    Reach push(String link) {
        Exercise next = Exercise.buildable(link);
        synchronized (st) {
            st.requireOpen();
            st.exercise = next;
            for (Student s : st.roster.all()) s.forgetBest();
            st.dashboards.roomChanged();
        }
        replication.save();
        Reach reach = reach("pushExercise");
        st.context.events().publish(st.code, new RoomEvent.ExercisePushed(next.link(), next.locked()));
        return reach;
    }

    Reach notice(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) throw new RoomException(RoomException.Kind.BAD_REQUEST, "the message is empty");
        if (t.length() > RoomLimits.MAX_NOTICE_LENGTH) throw new RoomException(RoomException.Kind.BAD_REQUEST,
                "the message is too long (at most " + RoomLimits.MAX_NOTICE_LENGTH + " characters)");
        return publish(new RoomEvent.Notice(t), "notice");
    }

    /** Puts one student's run on the projector (null: none); the student is told. */
    void spotlight(String studentId) {
        synchronized (st) {
            st.requireOpen();
            if (studentId != null) st.roster.require(studentId);
            st.spotlight = studentId;
            st.dashboards.roomChanged();
        }
        replication.save();
        publish(new RoomEvent.Spotlight(studentId));
    }

    void anonymize(boolean on) {
        synchronized (st) {
            st.requireOpen();
            st.setAnonymized(on);
        }
        replication.save();
        publish(new RoomEvent.Anonymized(on));
    }

    void remove(String studentId) {
        RoomStore.Ban ban;
        synchronized (st) {
            st.requireOpen();
            Student s = st.roster.require(studentId);
            st.roster.remove(s.id);
            ban = st.ban(s);
            members.drop(s);
        }
        st.context.store().ban(st.code, ban); // queued after their removal from the stored roster
        st.sessions.forgetRun(studentId);
        publish(new RoomEvent.Removed(studentId));
    }

    /** Removes, in one go, every student whose card reads away or left (see {@link #remove}); how many went. */
    int removeAway() {
        List<String> gone = new ArrayList<>();
        List<RoomStore.Ban> bans = new ArrayList<>();
        synchronized (st) {
            st.requireOpen();
            for (Student s : List.copyOf(st.roster.all())) {
                String state = st.remote(s) ? RemoteCards.state(s) : s.stateKey(s.summary());
                if (!state.equals("away") && !state.equals("left")) continue;
                st.roster.remove(s.id);
                bans.add(st.ban(s));
                members.drop(s);
                gone.add(s.id);
            }
        }
        for (RoomStore.Ban ban : bans) st.context.store().ban(st.code, ban);
        for (String id : gone) {
            st.sessions.forgetRun(id);
            publish(new RoomEvent.Removed(id));
        }
        return gone.size();
    }

    /** Where a read-only viewer (the teacher opening a card, the projector) finds a student's run. */
    Room.Watched watch(String studentId) {
        synchronized (st) {
            st.requireOpen();
            Student s = st.roster.require(studentId);
            if (st.remote(s)) return new Room.Watched(null, s.owner);
            if (s.left || s.session == null) throw new RoomException(RoomException.Kind.NOT_FOUND, "that student has left");
            return new Room.Watched(s.session, null);
        }
    }

    /**
     * Closes the room: students are told, sessions freed; the store keeps that the class ended
     * (its code says so for {@link EndedRooms#KEPT_MILLIS}, with the report as it was at the end).
     */
    void close() {
        List<String> ids;
        RoomStore.EndedRecord ended;
        synchronized (st) {
            if (st.closed) return;
            st.closed = true;
            ids = st.roster.ids();
            st.finalReport = ClassReport.of(st.roster.all(), st.context.replica().id());
            ended = new RoomStore.EndedRecord(st.code, st.teacherKeyHash, st.finalReport, System.currentTimeMillis());
        }
        st.context.store().endRoom(ended, ended.endedMillis() - EndedRooms.KEPT_MILLIS);
        st.context.events().publish(st.code, new RoomEvent.Closed());
        closeHere();
        for (String id : ids) st.sessions.forgetRun(id);
    }

    /** Frees this server's part of a closed room: sessions, dashboards, the subscription. */
    private void closeHere() {
        synchronized (st) {
            if (st.finalReport == null) st.finalReport = ClassReport.of(st.roster.all(), st.context.replica().id());
            st.closed = true;
            for (Student s : st.roster.all()) st.sessions.free(s);
            st.roster.clear();
            st.dashboards.clear();
            st.classViewers.clear();
        }
        st.unsubscribe();
    }

    void publish(RoomEvent e) {
        synchronized (st) { st.requireOpen(); }
        st.context.events().publish(st.code, e);
    }

    /** Publishes an event for every student's run or page, and says whom it reached ({@code action}: its wire name). */
    Reach publish(RoomEvent e, String action) {
        Reach reach = reach(action);
        st.context.events().publish(st.code, e);
        return reach;
    }

    /** Whom an event published now reaches: this server's students at once, the others' through the events. */
    private Reach reach(String action) {
        int here = 0;
        int elsewhere = 0;
        int notConnected = 0;
        synchronized (st) {
            st.requireOpen();
            for (Student s : st.roster.all()) {
                if (st.remote(s)) {
                    if (!RemoteCards.state(s).equals("left")) elsewhere++;
                } else if (!s.left) {
                    if (s.session != null && s.link.attached()) here++;
                    else notConnected++;
                }
            }
        }
        return Reach.of(action, here, elsewhere, notConnected, st.context.events().reachesOthers());
    }

    // ---- events: what every server does with its own students and its copy of the room

    void apply(RoomEvent event) {
        if (event instanceof RoomEvent.Closed) {
            closeHere();
            return;
        }
        List<Session> here = new ArrayList<>();
        synchronized (st) {
            if (st.closed) return;
            change(event);
            for (Student s : st.roster.all()) if (!s.left && s.session != null) here.add(s.session);
        }
        // outside the room's lock (nothing slow under it); notices, spotlight, removal and closing are for the pages
        if (event instanceof RoomEvent.ExercisePushed e) here.forEach(s -> s.load(e.link()));
        else if (event instanceof RoomEvent.PauseAll) here.forEach(Session::pause);
        else if (event instanceof RoomEvent.ResumeAll) here.forEach(Session::play);
        else if (event instanceof RoomEvent.ResetAll) here.forEach(Session::reset);
    }

    /**
     * What an event changes in this copy of the room. The server where it happened has made the
     * change already; each step here is idempotent, so that copy stays the same. Under the lock.
     */
    private void change(RoomEvent event) {
        if (event instanceof RoomEvent.ExercisePushed e && (st.exercise == null || !st.exercise.link().equals(e.link()))) {
            try {
                st.exercise = Exercise.of(e.link());
            } catch (RoomException bad) {
                return; // the teacher's server accepted it: a link another version cannot read keeps the old exercise here
            }
            for (Student s : st.roster.all()) s.forgetBest();
            st.dashboards.roomChanged();
        } else if (event instanceof RoomEvent.ResetAll) {
            for (Student s : st.roster.all()) s.forgetBest(); // the leaderboard is of the runs since the reset
            st.dashboards.roomChanged();
        } else if (event instanceof RoomEvent.Spotlight sp) {
            st.spotlight = sp.studentId();
            st.dashboards.roomChanged();
        } else if (event instanceof RoomEvent.Anonymized a && a.on() != st.anonymized) {
            st.setAnonymized(a.on());
        } else if (event instanceof RoomEvent.ClassView v) {
            st.classViewers.heard(v, st.context.replica().id(), System.currentTimeMillis());
        } else {
            st.rosterSync.apply(event);
        }
    }
}
