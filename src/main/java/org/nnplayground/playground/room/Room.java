package org.nnplayground.playground.room;

import org.nnplayground.playground.session.Checkpoints.Checkpoint;
import org.nnplayground.playground.session.Session;
import org.nnplayground.playground.session.SessionListener;

import java.util.List;
import java.util.Set;

/**
 * A class: its code, the teacher's secret key, the current exercise, and the API the web layer
 * uses. The work is done by its parts, one job each, over one shared {@link RoomState} (whose
 * class comment states the lock rules): {@link RoomMembers} (joining, coming back, leaving, names),
 * {@link TeacherActions} (actions and the events that carry them to every server),
 * {@link RoomReports} (report, leaderboard, dashboards) and {@link RoomReplication} (the store and
 * the other replicas).
 */
public final class Room {
    private final RoomState st;
    private final RoomMembers members;
    private final TeacherActions actions;
    private final RoomReports reports;
    private final RoomReplication replication;

    Room(String code, String teacherKeyHash, Exercise exercise, RoomContext context) {
        this(code, teacherKeyHash, exercise, false, System.currentTimeMillis(), context);
        replication.save();
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
        this.st = new RoomState(code, teacherKeyHash, exercise, anonymized, createdMillis, context);
        this.members = new RoomMembers(st);
        this.replication = new RoomReplication(st);
        this.reports = new RoomReports(st, members);
        this.actions = new TeacherActions(st, members, replication);
        st.subscription = context.events().subscribe(code, actions::apply);
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

    public String code() { return st.code; }

    /** Throws unless {@code key} is this room's teacher key. */
    public void checkTeacher(String key) {
        if (!isTeacher(key)) throw RoomException.forbidden();
    }

    /** What is kept of this room once it has ended: its key's hash and its report now. */
    EndedRooms.Ended ended(long now) {
        String report;
        synchronized (st) { report = st.finalReport; }
        return new EndedRooms.Ended(st.teacherKeyHash, report != null ? report : report(), now);
    }

    /** The class has ended (closed by its teacher, here or on another server). */
    boolean hasEnded() {
        synchronized (st) { return st.closed; }
    }

    /** True when {@code key} is this room's teacher key. */
    public boolean isTeacher(String key) { return key != null && Secrets.same(st.teacherKeyHash, Secrets.hash(key)); }

    /** Closed, or set aside on this server (stopping, or an idle copy dropped): a request finds the room anew. */
    public boolean closed() {
        synchronized (st) { return st.closed || st.suspended; }
    }

    public int size() {
        synchronized (st) { return st.roster.size(); }
    }

    /** The current exercise link (null: none pushed yet). */
    public String exerciseLink() {
        synchronized (st) { return st.exerciseLink(); }
    }

    public Set<String> locked() {
        synchronized (st) { return st.locked(); }
    }

    /** Why a student may not send this request (the exercise locks it), or null. */
    public String refusal(String request, String key) {
        synchronized (st) { return st.exercise == null ? null : st.exercise.refusal(request, key); }
    }

    /** A student's link with the exercise's locked settings put back. */
    public String enforce(String link) {
        synchronized (st) { return st.exercise == null ? link : st.exercise.enforce(link); }
    }

    public boolean anonymized() {
        synchronized (st) { return st.anonymized; }
    }

    // ---- students (see RoomMembers)

    Student join(String name, String address) { return members.join(name, address); }

    /**
     * What attaching did: the socket it replaced, how a session opened here began (null: it was
     * already here), and on the student's first connect the address they joined from (else null).
     */
    record Attach(SessionListener previous, Resumed resumed, String firstConnectFrom) {}

    /**
     * A student's session opened again on this server, and from what: their checkpoint (at {@code
     * epoch}, taken {@code offlineSeconds} ago, at most {@code lostSeconds} of training lost) or
     * their last link (a fresh run: epoch 0, no seconds).
     */
    public record Resumed(int epoch, Integer lostSeconds, Integer offlineSeconds, String from) {}

    /**
     * Connects {@code socket} to the student's session (a first connect or a reload): the same
     * session, weights, epoch and card. When it is not here (after the grace period, a restart, or
     * their run was on another replica) it opens again: from {@code saved}, their checkpoint, if
     * any, else a fresh run of their last link; the other replicas hear that they are here now.
     */
    Attach attach(Student s, SessionListener socket, String address, Checkpoint saved) {
        return members.attach(s, socket, address, saved);
    }

    /** See {@link RoomMembers#checkpointToResume}. */
    Checkpoint checkpointToResume(Student s) { return members.checkpointToResume(s); }

    void refresh(Student s) { members.refresh(s); }

    void detach(Student s, SessionListener socket) { members.detach(s, socket); }

    void leave(Student s) { members.leave(s); }

    Session session(Student s) { return members.session(s); }

    Student byToken(String token) { return members.byToken(token); }

    /** A chart of the student's curve so far (for their reloaded page). */
    ChartLog.Points chart(Student s) { return s.chart.points(); }

    static String cleanName(String name) { return RoomMembers.cleanName(name); }

    // ---- teacher actions (see TeacherActions; the key is checked by the caller, once per request)

    public Reach push(String link) { return actions.push(link); }

    public Reach pauseAll() { return actions.publish(new RoomEvent.PauseAll(), "pauseAll"); }

    public Reach resumeAll() { return actions.publish(new RoomEvent.ResumeAll(), "resumeAll"); }

    public Reach resetAll() { return actions.publish(new RoomEvent.ResetAll(), "resetAll"); }

    public Reach notice(String text) { return actions.notice(text); }

    /** Puts one student's run on the projector (null: none); the student is told. */
    public void spotlight(String studentId) { actions.spotlight(studentId); }

    public void anonymize(boolean on) { actions.anonymize(on); }

    public void remove(String studentId) { actions.remove(studentId); }

    /** Removes every student whose card reads away or left; how many went. */
    public int removeAway() { return actions.removeAway(); }

    /** A student's session for a read-only viewer (the teacher opening a card). */
    public Watched watch(String studentId) { return actions.watch(studentId); }

    /** Where a student's run trains: {@code session} on this server, else the name of the {@code replica} that holds it. */
    public record Watched(Session session, String replica) {}

    /** Closes the room: students are told, sessions freed, the code forgotten. */
    void close() { actions.close(); }

    // ---- reports and dashboards (see RoomReports)

    /** The class report (CSV): one row per student. */
    public String report() { return reports.report(); }

    /** The leaderboard now (names anonymized when the room is). */
    public List<Leaderboard.Entry> leaderboard() { return reports.leaderboard(); }

    /** A student's curve so far (for a teacher opening their run). */
    public ChartLog.Points chartOf(String studentId) { return reports.chartOf(studentId); }

    /** A student's shown name (anonymized or not). */
    public String displayName(String studentId) { return reports.displayName(studentId); }

    public void addDashboard(Dashboard d) {
        synchronized (st) {
            st.requireOpen();
            st.dashboards.add(d);
        }
    }

    public void removeDashboard(Dashboard d) {
        boolean changed;
        synchronized (st) {
            st.dashboards.remove(d);
            changed = st.classViewers.show(d, false);
        }
        if (changed) tellClassView(false);
    }

    /**
     * Dashboard {@code d} shows the class view ({@code on}) or no longer does: the students' sessions
     * (here and, told by an event, on the other servers) draw their boundaries only while one does.
     */
    public void showClassView(Dashboard d, boolean on) {
        boolean changed;
        synchronized (st) {
            st.requireOpen();
            changed = st.classViewers.show(d, on);
        }
        if (changed) tellClassView(on);
    }

    /** Tells the other servers again that a dashboard here shows the class view (their word lapses otherwise). */
    void repeatClassView() {
        boolean on;
        synchronized (st) { on = !st.closed && st.classViewers.shownHere(); }
        if (on) tellClassView(true);
    }

    private void tellClassView(boolean on) { st.context.events().publish(st.code, new RoomEvent.ClassView(st.context.replica().id(), on)); }

    void tick(long now) { reports.tick(now); }

    /** How long nobody has used this room: no dashboard open, no student connected (ms). */
    long idleMillis(long now) {
        synchronized (st) { return now - st.lastUsedMillis; }
    }

    // ---- the store and the other replicas (see RoomReplication)

    void addStored(List<RoomStore.StudentRecord> stored) { replication.addStored(stored); }

    /** The stored spotlight, if that student is still on the roster. */
    void storedSpotlight(String studentId) { replication.storedSpotlight(studentId); }

    /** The students the teacher removed, as the store keeps them: refused by this copy too. */
    void addBans(List<RoomStore.Ban> bans) {
        synchronized (st) { bans.forEach(st::banned); }
    }

    void saveRoster() { replication.saveRoster(); }

    void suspend() { replication.suspend(); }

    boolean ownsNoSession() { return replication.ownsNoSession(); }

    List<RoomEvent.RemoteCard> ownCards(boolean all) { return replication.ownCards(all); }

    void resync(RoomStore.RoomRecord stored, List<RoomStore.StudentRecord> storedRoster) {
        replication.resync(stored, storedRoster, actions);
    }
}
