package org.nnplayground.playground.room;

import org.nnplayground.playground.session.Checkpoints.Checkpoint;
import org.nnplayground.playground.session.Session;
import org.nnplayground.playground.session.SessionListener;

/**
 * Who is in a class and under which name: students joining (alone or across replicas), their
 * sockets coming and going, leaving for good, and the names they type. Locking: {@link RoomState}.
 */
final class RoomMembers {
    private final RoomState st;

    RoomMembers(RoomState st) { this.st = st; }

    /** Adds a student (their session opens now, on the current exercise); they connect with the returned token. */
    Student join(String name, String address) {
        if (st.context.replica().shared()) return joinShared(name, address);
        synchronized (st) {
            st.requireOpen();
            String clean = cleanName(name);
            st.requireNotRemoved(clean);
            clean = st.distinctName(clean);
            requireRoom();
            String token = Secrets.token(24);
            Student s = new Student(Secrets.token(9), Secrets.hash(token), clean, st.roster.nextNumber(), System.currentTimeMillis());
            s.plainToken = token;
            s.address = address;
            s.awaySince = System.currentTimeMillis();
            st.sessions.open(s, st.exercise == null ? "" : st.exercise.link());
            st.roster.add(s);
            st.dashboards.roomChanged();
            st.context.store().saveStudent(st.code, st.record(s));
            return s;
        }
    }

    /**
     * Joining a room that spans servers: the shared store gives the number and counts the roster
     * (outside the room's lock), then every copy hears of the new student.
     */
    private Student joinShared(String name, String address) {
        String clean = cleanName(name);
        String link;
        synchronized (st) {
            st.requireOpen();
            st.requireNotRemoved(clean);
            clean = st.distinctName(clean);
            requireRoom();
            link = st.exerciseLink();
        }
        String token = Secrets.token(24);
        long now = System.currentTimeMillis();
        String id = Secrets.token(9);
        int number = st.context.store().addStudent(st.code, new RoomStore.StudentRecord(id, Secrets.hash(token), clean, 0, link, now),
                st.context.limits().studentsPerRoom());
        if (number == 0) throw full();
        if (number < 0) throw RoomState.ended();
        Student s = new Student(id, Secrets.hash(token), clean, number, now);
        s.plainToken = token;
        s.address = address;
        s.awaySince = now;
        s.owner = st.context.replica().id();
        synchronized (st) {
            try {
                st.requireOpen();
                st.sessions.open(s, st.exercise == null ? "" : st.exercise.link());
            } catch (RoomException e) {
                st.context.store().removeStudent(st.code, id);
                throw e;
            }
            st.roster.add(s);
            st.dashboards.roomChanged();
        }
        st.context.events().publish(st.code, new RoomEvent.StudentJoined(s.id, s.token, s.name, s.number, s.joinedMillis, link));
        return s;
    }

    private void requireRoom() {
        if (st.roster.size() >= st.context.limits().studentsPerRoom()) throw full();
    }

    private RoomException full() {
        return new RoomException(RoomException.Kind.FULL, "this class is full (" + st.context.limits().studentsPerRoom() + " students)");
    }

    /** See {@link Room#attach}. */
    Room.Attach attach(Student s, SessionListener socket, String address, Checkpoint saved) {
        Room.Attach done;
        synchronized (st) {
            st.requireOpen();
            if (st.removedTokens.contains(s.token)) throw removed();
            if (!st.roster.contains(s.id)) throw new RoomException(RoomException.Kind.NOT_FOUND, "you are no longer in this class");
            Room.Resumed resumed = null;
            String joinedFrom = s.address;
            if (s.left || s.session == null) {
                s.address = address;
                resumed = st.sessions.reopen(s, saved, st.exerciseLink());
                s.left = false;
            }
            String firstFrom = s.connectedOnce ? null : joinedFrom;
            s.connectedOnce = true;
            s.leftSince = 0;
            if (st.context.replica().shared()) s.owner = st.context.replica().id();
            SessionListener previous = s.link.attached() ? s.link.current() : null;
            s.link.attach(socket);
            s.awaySince = 0;
            s.metaVersion++;
            // the run goes on as it was when they went, once their page has it again (see refresh); a fresh run waits for Play
            if (resumed != null && resumed.lostSeconds() == null) s.playOnReturn = false;
            done = new Room.Attach(previous, resumed, firstFrom);
        }
        if (st.context.replica().shared()) st.context.events().publish(st.code, new RoomEvent.Attached(s.id, st.context.replica().id()));
        return done;
    }

    /**
     * The student's checkpoint when attaching would open their session here (else null): read
     * before {@link #attach}, outside the room's lock, as the database may take a moment.
     */
    Checkpoint checkpointToResume(Student s) {
        boolean needsSession;
        synchronized (st) { needsSession = s.left || s.session == null; }
        return st.context.replica().checkpoints() != null && needsSession ? st.sessions.savedRun(s.id) : null;
    }

    /** Sends the student's page its session again: description, status and a frame (after the room's own messages). */
    void refresh(Student s) {
        synchronized (st) {
            if (s.left || s.session == null) return;
            s.session.refresh();
            // a run that was playing when their socket went plays on from where it stopped (queued after the refresh)
            if (s.playOnReturn) s.session.play();
            s.playOnReturn = false;
        }
    }

    /** The student's socket closed: the session pauses and waits for them ({@link RoomLimits#grace()}). */
    void detach(Student s, SessionListener socket) {
        synchronized (st) {
            if (st.sessions.detach(s, socket) && st.roster.contains(s.id)) st.context.store().saveStudent(st.code, st.record(s));
        }
    }

    /** The student left the class for good: their card goes, their session is freed. */
    void leave(Student s) {
        synchronized (st) {
            if (st.roster.remove(s.id) == null) return;
            drop(s);
        }
        forgotten(s);
    }

    /**
     * After a student was taken off the roster (left, removed, expired), outside the lock: their
     * checkpoint goes and the other servers hear it.
     */
    void forgotten(Student s) {
        st.sessions.forgetRun(s.id);
        if (st.context.replica().shared()) st.context.events().publish(st.code, new RoomEvent.StudentLeft(s.id));
    }

    /** Takes a student off this room for good, here and in the store. Under the lock. */
    void drop(Student s) {
        st.dropHere(s);
        st.context.store().removeStudent(st.code, s.id);
    }

    /** The student's session, or null when they left. */
    Session session(Student s) {
        synchronized (st) { return s.left ? null : s.session; }
    }

    Student byToken(String token) {
        String hash = Secrets.hash(token);
        synchronized (st) {
            if (st.removedTokens.contains(hash)) throw removed();
            return st.roster.byTokenHash(hash);
        }
    }

    static RoomException removed() {
        return new RoomException(RoomException.Kind.FORBIDDEN, "the teacher removed you from this class");
    }

    /** Control and format characters (bidi overrides, zero-width) go: a name cannot flip or hide the dashboard's text. */
    static String cleanName(String name) {
        String n = name == null ? "" : name.replaceAll("[\\p{Cntrl}\\p{Cf}]", "").strip();
        if (n.isEmpty()) throw new RoomException(RoomException.Kind.BAD_REQUEST, "please type your name");
        if (n.codePointCount(0, n.length()) > RoomLimits.MAX_NAME_LENGTH) {
            throw new RoomException(RoomException.Kind.BAD_REQUEST, "names are at most " + RoomLimits.MAX_NAME_LENGTH + " characters");
        }
        return n;
    }
}
