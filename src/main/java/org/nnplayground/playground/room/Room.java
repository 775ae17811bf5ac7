package org.nnplayground.playground.room;

import org.nnplayground.playground.session.Checkpoints.Checkpoint;
import org.nnplayground.playground.session.Session;
import org.nnplayground.playground.session.SessionListener;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A class: its code, the teacher's secret key, the current exercise, and the public API the web
 * layer uses (students joining and coming back, teacher actions, the report). Teacher actions are
 * published as {@link RoomEvent}s and applied to the students' sessions when they arrive (so
 * another server applies them to its own students too).
 * Locking: the room's lock (this object's monitor) guards its state, the {@link Roster}, the
 * {@link DashboardFeed}, and what {@link StudentSessions} and {@link RosterSync} change, which the
 * room calls holding it. Nothing slow runs under it: the room's store writes, store and checkpoint
 * reads, publishing events and loading a pushed link into the sessions happen outside it (a
 * student's store writes are queued to the store's own thread). The students' training never takes it.
 */
public final class Room {
    private final String code;
    /** SHA-256 of the teacher key (the key itself is only ever in the teacher's link). */
    private final String teacherKeyHash;
    private final long createdMillis;
    private final RoomContext context;
    private final AutoCloseable subscription;
    private final Roster roster = new Roster();
    private final DashboardFeed dashboards = new DashboardFeed();
    private final StudentSessions sessions;
    private final RosterSync rosterSync;
    private Exercise exercise;
    private boolean anonymized;
    private String spotlight;
    private boolean closed;
    /** This server let go of the room (stopping, or a copy nobody here used); the room itself goes on. */
    private boolean suspended;
    /** Last tick with a dashboard open or a student connected (rooms idle too long are closed). */
    private long lastUsedMillis = System.currentTimeMillis();

    Room(String code, String teacherKeyHash, Exercise exercise, RoomContext context) {
        this(code, teacherKeyHash, exercise, false, System.currentTimeMillis(), context);
        save();
    }

    /** A new room already in the shared store ({@link RoomStore#createRoom}). */
    Room(RoomStore.RoomRecord created, Exercise exercise, RoomContext context) {
        this(created.code(), created.teacherKey(), exercise, false, created.createdMillis(), context);
    }

    /** The record a new room is created with. */
    static RoomStore.RoomRecord record(String code, String teacherKeyHash, Exercise exercise) {
        return new RoomStore.RoomRecord(code, teacherKeyHash, exercise == null ? null : exercise.link(), false, System.currentTimeMillis());
    }

    private Room(String code, String teacherKeyHash, Exercise exercise, boolean anonymized, long createdMillis, RoomContext context) {
        this.code = code;
        this.teacherKeyHash = teacherKeyHash;
        this.exercise = exercise;
        this.anonymized = anonymized;
        this.context = context;
        this.sessions = new StudentSessions(context);
        this.rosterSync = new RosterSync(roster, sessions, dashboards, context.replica().id(), this::dropHere);
        this.createdMillis = createdMillis;
        this.subscription = context.events().subscribe(code, this::apply);
    }

    /**
     * A room read back from the store after a restart: its students are "left" (no session yet);
     * each gets their run back when they come back with their token (see {@link #attach}).
     */
    static Room restore(RoomStore.RoomRecord r, List<RoomStore.StudentRecord> storedRoster, RoomContext context) {
        Exercise exercise = null;
        if (r.exerciseLink() != null) {
            try {
                exercise = Exercise.of(r.exerciseLink());
            } catch (RoomException stale) {
                // an exercise that no longer parses cleanly: the room goes on without one
            }
        }
        Room room = new Room(r.code(), r.teacherKey(), exercise, r.anonymized(), r.createdMillis(), context);
        room.addStored(storedRoster);
        room.storedSpotlight(r.spotlight());
        return room;
    }

    /**
     * Puts stored students on the roster (those not on it yet), "left" until a card or their own
     * socket says otherwise: after a restart, or a copy of a room another server created.
     */
    synchronized void addStored(List<RoomStore.StudentRecord> stored) {
        rosterSync.addStored(stored);
    }

    /** The stored spotlight, if that student is still on the roster. */
    synchronized void storedSpotlight(String studentId) {
        if (studentId != null && roster.contains(studentId)) {
            spotlight = studentId;
            dashboards.roomChanged();
        }
    }

    public String code() { return code; }

    /** Throws unless {@code key} is this room's teacher key. */
    public void checkTeacher(String key) {
        if (key == null || !Secrets.same(teacherKeyHash, Secrets.hash(key))) throw RoomException.forbidden();
    }

    /** Closed, or set aside on this server (stopping, or an idle copy dropped): a request finds the room anew. */
    public synchronized boolean closed() { return closed || suspended; }

    public synchronized int size() { return roster.size(); }

    /** The current exercise link (null: none pushed yet). */
    public synchronized String exerciseLink() { return exercise == null ? null : exercise.link(); }

    public synchronized Set<String> locked() { return exercise == null ? Set.of() : exercise.locked(); }

    // ---- students

    /** Adds a student (their session opens now, on the current exercise); they connect with the returned token. */
    Student join(String name, String address) {
        if (context.replica().shared()) return joinShared(name, address);
        synchronized (this) {
            requireOpen();
            String clean = cleanName(name);
            requireRoom();
            String token = Secrets.token(24);
            Student s = new Student(Secrets.token(9), Secrets.hash(token), clean, roster.nextNumber(), System.currentTimeMillis());
            s.plainToken = token;
            s.address = address;
            s.awaySince = System.currentTimeMillis();
            sessions.open(s, exercise == null ? "" : exercise.link());
            roster.add(s);
            dashboards.roomChanged();
            context.store().saveStudent(code, record(s));
            return s;
        }
    }

    /**
     * Joining a room that spans servers: the shared store gives the number and counts the roster
     * (outside the room's lock), then every copy hears of the new student.
     */
    private Student joinShared(String name, String address) {
        String clean = cleanName(name);
        synchronized (this) {
            requireOpen();
            requireRoom();
        }
        String token = Secrets.token(24);
        long now = System.currentTimeMillis();
        String id = Secrets.token(9);
        String link = exerciseLink();
        int number = context.store().addStudent(code, new RoomStore.StudentRecord(id, Secrets.hash(token), clean, 0, link, now),
                context.limits().studentsPerRoom());
        if (number == 0) throw full();
        if (number < 0) throw new RoomException(RoomException.Kind.NOT_FOUND, "this class has been closed by the teacher");
        Student s = new Student(id, Secrets.hash(token), clean, number, now);
        s.plainToken = token;
        s.address = address;
        s.awaySince = now;
        s.owner = context.replica().id();
        synchronized (this) {
            try {
                requireOpen();
                sessions.open(s, exercise == null ? "" : exercise.link());
            } catch (RoomException e) {
                context.store().removeStudent(code, id);
                throw e;
            }
            roster.add(s);
            dashboards.roomChanged();
        }
        context.events().publish(code, new RoomEvent.StudentJoined(s.id, s.token, s.name, s.number, s.joinedMillis, link));
        return s;
    }

    private void requireRoom() {
        if (roster.size() >= context.limits().studentsPerRoom()) throw full();
    }

    private RoomException full() {
        return new RoomException(RoomException.Kind.FULL, "this class is full (" + context.limits().studentsPerRoom() + " students)");
    }

    /** What attaching did: the socket it replaced, and how a session opened here began (null: it was already here). */
    record Attach(SessionListener previous, Resumed resumed) {}

    /**
     * A student's session opened again on this server, and from what: their checkpoint (at {@code
     * epoch}, taken {@code lostSeconds} ago) or their last link (a fresh run: epoch 0, no seconds).
     */
    public record Resumed(int epoch, Integer lostSeconds, String from) {}

    /**
     * Connects {@code socket} to the student's session (a first connect or a reload): the same
     * session, weights, epoch and card. When it is not here (after the grace period, a restart, or
     * their run was on another replica) it opens again: from {@code saved}, their checkpoint, if
     * any, else a fresh run of their last link; the other replicas hear that they are here now.
     */
    Attach attach(Student s, SessionListener socket, String address, Checkpoint saved) {
        Attach done;
        synchronized (this) {
            requireOpen();
            if (!roster.contains(s.id)) throw new RoomException(RoomException.Kind.NOT_FOUND, "you are no longer in this class");
            Resumed resumed = null;
            if (s.left || s.session == null) {
                s.address = address;
                resumed = sessions.reopen(s, saved, exerciseLink());
                s.left = false;
            }
            if (context.replica().shared()) s.owner = context.replica().id();
            SessionListener previous = s.link.attached() ? s.link.current() : null;
            s.link.attach(socket);
            s.awaySince = 0;
            s.metaVersion++;
            done = new Attach(previous, resumed);
        }
        if (context.replica().shared()) context.events().publish(code, new RoomEvent.Attached(s.id, context.replica().id()));
        return done;
    }

    /** True when attaching would open a session here (so the caller reads the checkpoint first, outside the lock). */
    private synchronized boolean needsSession(Student s) { return s.left || s.session == null; }

    /**
     * The student's checkpoint when attaching would open their session here (else null): read
     * before {@link #attach}, outside the room's lock, as the database may take a moment.
     */
    Checkpoint checkpointToResume(Student s) {
        return context.replica().checkpoints() != null && needsSession(s) ? sessions.savedRun(s.id) : null;
    }

    /** Sends the student's page its session again: description, status and a frame (after the room's own messages). */
    synchronized void refresh(Student s) {
        if (!s.left && s.session != null) s.session.refresh();
    }

    /** The student's socket closed: the session pauses and waits for them ({@link RoomLimits#grace()}). */
    synchronized void detach(Student s, SessionListener socket) {
        if (sessions.detach(s, socket) && roster.contains(s.id)) context.store().saveStudent(code, record(s));
    }

    /** The student left the class for good: their card goes, their session is freed. */
    void leave(Student s) {
        synchronized (this) {
            if (roster.remove(s.id) == null) return;
            dropStudent(s);
        }
        sessions.forgetRun(s.id);
        if (context.replica().shared()) context.events().publish(code, new RoomEvent.StudentLeft(s.id));
    }

    /** The student's session, or null when they left. */
    synchronized Session session(Student s) { return s.left ? null : s.session; }

    /** Why a student may not send this request (the exercise locks it), or null. */
    public synchronized String refusal(String request, String key) {
        return exercise == null ? null : exercise.refusal(request, key);
    }

    /** A student's link with the exercise's locked settings put back. */
    public synchronized String enforce(String link) { return exercise == null ? link : exercise.enforce(link); }

    // ---- teacher actions (the key is checked by the caller with checkTeacher, once per request)

    public void push(String link) {
        Exercise next = Exercise.buildable(link);
        synchronized (this) {
            requireOpen();
            exercise = next;
            for (Student s : roster.all()) s.forgetBest();
            dashboards.roomChanged();
        }
        save();
        context.events().publish(code, new RoomEvent.ExercisePushed(next.link(), next.locked()));
    }

    public void pauseAll() { publish(new RoomEvent.PauseAll()); }

    public void resumeAll() { publish(new RoomEvent.ResumeAll()); }

    public void resetAll() { publish(new RoomEvent.ResetAll()); }

    public void notice(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) throw new RoomException(RoomException.Kind.BAD_REQUEST, "the message is empty");
        if (t.length() > RoomLimits.MAX_NOTICE_LENGTH) throw new RoomException(RoomException.Kind.BAD_REQUEST,
                "the message is too long (at most " + RoomLimits.MAX_NOTICE_LENGTH + " characters)");
        publish(new RoomEvent.Notice(t));
    }

    /** Puts one student's run on the projector (null: none); the student is told. */
    public void spotlight(String studentId) {
        synchronized (this) {
            requireOpen();
            if (studentId != null) roster.require(studentId);
            spotlight = studentId;
            dashboards.roomChanged();
        }
        save();
        publish(new RoomEvent.Spotlight(studentId));
    }

    public void anonymize(boolean on) {
        synchronized (this) {
            requireOpen();
            setAnonymized(on);
        }
        save();
        publish(new RoomEvent.Anonymized(on));
    }

    private void setAnonymized(boolean on) {
        anonymized = on;
        dashboards.roomChanged(); // every card again, with the names now shown
    }

    public synchronized boolean anonymized() { return anonymized; }

    public void remove(String studentId) {
        synchronized (this) {
            requireOpen();
            Student s = roster.require(studentId);
            roster.remove(s.id);
            dropStudent(s);
        }
        sessions.forgetRun(studentId);
        publish(new RoomEvent.Removed(studentId));
    }

    /** A student's session for a read-only viewer (the teacher opening a card). */
    public synchronized Session watch(String studentId) {
        requireOpen();
        Student s = roster.require(studentId);
        if (remote(s)) {
            throw new RoomException(RoomException.Kind.NOT_FOUND, "that student's run trains on another server of this class: "
                    + "their card shows their progress, their run can only be opened from that server");
        }
        if (s.left || s.session == null) throw new RoomException(RoomException.Kind.NOT_FOUND, "that student has left");
        return s.session;
    }

    /** A student's curve so far (for a teacher opening their run). */
    public synchronized ChartLog.Points chartOf(String studentId) { return roster.require(studentId).chart.points(); }

    /** A student's shown name (anonymized or not) and number. */
    public synchronized String displayName(String studentId) {
        return roster.require(studentId).shownName(anonymized);
    }

    /** Closes the room: students are told, sessions freed, the code forgotten. */
    void close() {
        List<String> ids;
        synchronized (this) {
            if (closed) return;
            closed = true;
            ids = roster.ids();
        }
        context.store().removeRoom(code);
        context.events().publish(code, new RoomEvent.Closed());
        closeHere();
        for (String id : ids) sessions.forgetRun(id);
    }

    /** Frees this server's part of a closed room: sessions, dashboards, the subscription. */
    private void closeHere() {
        synchronized (this) {
            closed = true;
            for (Student s : roster.all()) sessions.free(s);
            roster.clear();
            dashboards.clear();
        }
        try {
            subscription.close();
        } catch (Exception ignored) {
            // a local subscription cannot fail to close
        }
    }

    /** The class report (CSV): one row per student. */
    public synchronized String report() { return ClassReport.of(roster.all(), context.replica().id()); }

    /** The leaderboard now (names anonymized when the room is). */
    public synchronized List<Leaderboard.Entry> leaderboard() { return Leaderboard.of(roster.all(), anonymized, context.replica().id()); }

    // ---- dashboards

    public synchronized void addDashboard(Dashboard d) {
        requireOpen();
        dashboards.add(d);
    }

    public synchronized void removeDashboard(Dashboard d) { dashboards.remove(d); }

    /**
     * One tick of the room's ticker: frees the sessions of students away past the grace period,
     * samples every student's curve and best loss, and sends each ready dashboard the cards that
     * changed since its last update. A dashboard still writing its last update is skipped.
     */
    synchronized void tick(long now) {
        if (closed) return;
        if (!dashboards.isEmpty() || roster.all().stream().anyMatch(st -> st.link.attached())) lastUsedMillis = now;
        for (Student s : roster.all()) {
            if (remote(s)) {
                RemoteCards.age(s, now);
                continue;
            }
            sessions.freeAfterGrace(s, now);
            s.sample(now);
        }
        RosterUpdate state = new RosterUpdate(false, code, roster.size(), anonymized, spotlight, exerciseLink(), locked(),
                List.of(), List.of(), leaderboard());
        dashboards.send(roster.all(), state, context.replica().id());
    }

    /** True when no student of this room has a session on this server. */
    synchronized boolean ownsNoSession() {
        for (Student s : roster.all()) if (s.session != null && !s.left) return false;
        return true;
    }

    /** How long nobody has used this room: no dashboard open, no student connected (ms). */
    synchronized long idleMillis(long now) { return now - lastUsedMillis; }

    /** A chart of the student's curve so far (for their reloaded page). */
    ChartLog.Points chart(Student s) { return s.chart.points(); }

    Student byToken(String token) {
        String hash = Secrets.hash(token);
        synchronized (this) {
            return roster.byTokenHash(hash);
        }
    }

    /** Writes every student's last link to the store (the server is stopping). */
    synchronized void saveRoster() {
        for (Student s : roster.all()) {
            if (remote(s)) continue; // their own server keeps their link
            if (s.summary().settings() != null) s.lastSettings = s.summary().settings();
            context.store().saveStudent(code, record(s));
        }
    }

    /** Frees every session without forgetting the room (the server is stopping: the store keeps it). */
    synchronized void suspend() {
        suspended = true;
        for (Student s : roster.all()) sessions.free(s);
        dashboards.clear();
        try {
            subscription.close();
        } catch (Exception ignored) {
            // a local subscription cannot fail to close
        }
    }

    // ---- events: what every server does with its own students and its copy of the room

    private void apply(RoomEvent event) {
        if (event instanceof RoomEvent.Closed) {
            closeHere();
            return;
        }
        List<Session> here = new ArrayList<>();
        synchronized (this) {
            if (closed) return;
            change(event);
            for (Student s : roster.all()) if (!s.left && s.session != null) here.add(s.session);
        }
        // outside the room's lock (nothing slow under it); notices, spotlight, removal and closing are for the pages
        if (event instanceof RoomEvent.ExercisePushed e) here.forEach(s -> s.load(e.link()));
        else if (event instanceof RoomEvent.PauseAll) here.forEach(Session::pause);
        else if (event instanceof RoomEvent.ResumeAll) here.forEach(Session::play);
        else if (event instanceof RoomEvent.ResetAll) here.forEach(Session::reset);
    }

    /**
     * What an event changes in this copy of the room. The server where it happened has made the
     * change already; each step here is idempotent, so that copy stays the same.
     */
    private void change(RoomEvent event) {
        if (event instanceof RoomEvent.ExercisePushed e && (exercise == null || !exercise.link().equals(e.link()))) {
            try {
                exercise = Exercise.of(e.link());
            } catch (RoomException bad) {
                return; // the teacher's server accepted it: a link another version cannot read keeps the old exercise here
            }
            for (Student s : roster.all()) s.forgetBest();
            dashboards.roomChanged();
        } else if (event instanceof RoomEvent.Spotlight sp) {
            spotlight = sp.studentId();
            dashboards.roomChanged();
        } else if (event instanceof RoomEvent.Anonymized a && a.on() != anonymized) {
            setAnonymized(a.on());
        } else {
            rosterSync.apply(event);
        }
    }

    /**
     * Catches up with the store after events were missed (the connection that carries them was
     * lost for a while): the exercise, hidden names, who joined and who is gone.
     */
    void resync(RoomStore.RoomRecord stored, List<RoomStore.StudentRecord> storedRoster) {
        if (stored.exerciseLink() != null && !stored.exerciseLink().equals(exerciseLink())) {
            try {
                Exercise e = Exercise.of(stored.exerciseLink());
                apply(new RoomEvent.ExercisePushed(e.link(), e.locked()));
            } catch (RoomException stale) {
                // a link this version cannot read: the copy keeps its exercise
            }
        }
        apply(new RoomEvent.Anonymized(stored.anonymized()));
        apply(new RoomEvent.Spotlight(stored.spotlight()));
        synchronized (this) {
            if (closed) return;
            rosterSync.dropMissing(storedRoster);
        }
        addStored(storedRoster);
    }

    /** A student's session is on another server: their card comes from its summaries. */
    private boolean remote(Student s) { return RemoteCards.remote(s, context.replica().id()); }

    /**
     * The cards of the students whose sessions this server holds, for the other servers: those
     * that changed since the last call ({@code all}: every one). Empty when there is nothing to say.
     */
    synchronized List<RoomEvent.RemoteCard> ownCards(boolean all) {
        if (closed) return List.of();
        return RemoteCards.ownCards(roster.all(), context.replica().id(), all);
    }

    private void publish(RoomEvent e) {
        synchronized (this) { requireOpen(); }
        context.events().publish(code, e);
    }

    private void dropStudent(Student s) {
        dropHere(s);
        context.store().removeStudent(code, s.id);
    }

    /** The student is off this copy's roster: their session here (if any) is freed, their card goes. */
    private void dropHere(Student s) {
        sessions.free(s);
        dashboards.removed(s.id);
        if (s.id.equals(spotlight)) spotlight = null;
    }

    private void requireOpen() {
        if (suspended && !closed) throw new RoomException(RoomException.Kind.UNAVAILABLE, "the class is being reloaded on this server; try again");
        if (closed) throw new RoomException(RoomException.Kind.NOT_FOUND, "this class has been closed by the teacher");
    }

    private void save() {
        String shown;
        synchronized (this) { shown = spotlight; }
        context.store().saveRoom(new RoomStore.RoomRecord(code, teacherKeyHash, exercise == null ? null : exercise.link(),
                anonymized, createdMillis, shown));
    }

    private RoomStore.StudentRecord record(Student s) {
        return new RoomStore.StudentRecord(s.id, s.token, s.name, s.number, s.lastLink(), s.joinedMillis);
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
