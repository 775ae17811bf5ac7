package org.nnplayground.playground.room;

import org.nnplayground.playground.session.Session;
import org.nnplayground.playground.session.SessionListener;
import org.nnplayground.playground.session.SessionRegistry;
import org.nnplayground.playground.session.SessionSummary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A class: its code, the teacher's secret key, the current exercise, the roster and the
 * dashboards. Teacher actions are published as {@link RoomEvent}s and applied to the students'
 * sessions when they arrive (so another server could apply them to its own students too).
 * Low-rate and guarded by the room's lock; the students' training never takes it.
 */
public final class Room {
    private final String code;
    /** SHA-256 of the teacher key (the key itself is only ever in the teacher's link). */
    private final String teacherKeyHash;
    private final long createdMillis;
    private final RoomContext context;
    private final AutoCloseable subscription;
    private final Map<String, Student> students = new LinkedHashMap<>();
    private final Map<Dashboard, Map<String, Long>> dashboards = new HashMap<>();
    private final List<String> removedSinceTick = new ArrayList<>();
    private Exercise exercise;
    private boolean anonymized;
    private String spotlight;
    private boolean closed;
    private int joined;
    private boolean rosterChanged;
    /** Last tick with a dashboard open or a student connected (rooms idle too long are closed). */
    private long lastUsedMillis = System.currentTimeMillis();

    Room(String code, String teacherKeyHash, Exercise exercise, RoomContext context) {
        this(code, teacherKeyHash, exercise, false, System.currentTimeMillis(), context);
        save();
    }

    private Room(String code, String teacherKeyHash, Exercise exercise, boolean anonymized, long createdMillis, RoomContext context) {
        this.code = code;
        this.teacherKeyHash = teacherKeyHash;
        this.exercise = exercise;
        this.anonymized = anonymized;
        this.context = context;
        this.createdMillis = createdMillis;
        this.subscription = context.events().subscribe(code, this::apply);
    }

    /**
     * A room read back from the store after a restart: its students are "left" (no session yet);
     * each gets a fresh run of their last link when they come back with their token.
     */
    static Room restore(RoomStore.RoomRecord r, java.util.List<RoomStore.StudentRecord> roster, RoomContext context) {
        Exercise exercise = null;
        if (r.exerciseLink() != null) {
            try {
                exercise = Exercise.of(r.exerciseLink());
            } catch (RoomException stale) {
                // an exercise that no longer parses cleanly: the room goes on without one
            }
        }
        Room room = new Room(r.code(), r.teacherKey(), exercise, r.anonymized(), r.createdMillis(), context);
        for (RoomStore.StudentRecord sr : roster) {
            Student s = new Student(sr.id(), sr.token(), sr.name(), sr.number(), sr.joinedMillis());
            s.left = true;
            if (sr.link() != null) {
                try {
                    s.lastSettings = org.nnplayground.playground.link.PlaygroundLink.parse(sr.link(), new java.security.SecureRandom()).settings();
                } catch (RuntimeException stale) {
                    // their last link no longer parses: they get the exercise
                }
            }
            room.students.put(s.id, s);
            room.joined = Math.max(room.joined, s.number);
        }
        return room;
    }

    public String code() { return code; }

    /** Throws unless {@code key} is this room's teacher key. */
    public void checkTeacher(String key) {
        if (key == null || !Secrets.same(teacherKeyHash, Secrets.hash(key))) throw RoomException.forbidden();
    }

    public synchronized boolean closed() { return closed; }

    public synchronized int size() { return students.size(); }

    /** The current exercise link (null: none pushed yet). */
    public synchronized String exerciseLink() { return exercise == null ? null : exercise.link(); }

    public synchronized Set<String> locked() { return exercise == null ? Set.of() : exercise.locked(); }

    // ---- students

    /** Adds a student (their session opens now, on the current exercise); they connect with the returned token. */
    synchronized Student join(String name, String address) {
        requireOpen();
        String clean = cleanName(name);
        if (students.size() >= context.limits().studentsPerRoom()) {
            throw new RoomException(RoomException.Kind.FULL, "this class is full (" + context.limits().studentsPerRoom() + " students)");
        }
        String token = Secrets.token(24);
        Student s = new Student(Secrets.token(9), Secrets.hash(token), clean, ++joined, System.currentTimeMillis());
        s.plainToken = token;
        s.address = address;
        s.awaySince = System.currentTimeMillis();
        openSession(s, exercise == null ? "" : exercise.link());
        students.put(s.id, s);
        rosterChanged = true;
        context.store().saveStudent(code, record(s));
        return s;
    }

    /**
     * Connects {@code socket} to the student's session (a first connect or a reload): the same
     * session, weights, epoch and card; after the grace period, a fresh run of their last link.
     * Returns the socket it replaced (another tab of theirs), or null.
     */
    synchronized SessionListener attach(Student s, SessionListener socket, String address) {
        requireOpen();
        if (!students.containsKey(s.id)) throw new RoomException(RoomException.Kind.NOT_FOUND, "you are no longer in this class");
        if (s.left) {
            s.address = address;
            openSession(s, s.lastLink() == null ? exerciseLink() : s.lastLink());
            s.left = false;
        }
        SessionListener previous = s.link.attached() ? current(s) : null;
        s.link.attach(socket);
        s.awaySince = 0;
        s.metaVersion++;
        return previous;
    }

    /** Sends the student's page its session again: description, status and a frame (after the room's own messages). */
    synchronized void refresh(Student s) {
        if (!s.left && s.session != null) s.session.refresh();
    }

    /** The student's socket closed: the session pauses and waits for them ({@link RoomLimits#grace()}). */
    synchronized void detach(Student s, SessionListener socket) {
        if (!s.link.detach(socket)) return;
        s.awaySince = System.currentTimeMillis();
        s.metaVersion++;
        if (s.session != null) s.session.pause();
        s.summary();
        if (s.summary().settings() != null) s.lastSettings = s.summary().settings();
        if (students.containsKey(s.id)) context.store().saveStudent(code, record(s));
    }

    /** The student left the class for good: their card goes, their session is freed. */
    synchronized void leave(Student s) {
        if (students.remove(s.id) == null) return;
        dropStudent(s);
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
        Exercise next = Exercise.of(link);
        synchronized (this) {
            requireOpen();
            exercise = next;
            for (Student s : students.values()) s.forgetBest();
            rosterChanged = true;
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
            if (studentId != null) student(studentId);
            spotlight = studentId;
            rosterChanged = true;
        }
        publish(new RoomEvent.Spotlight(studentId));
    }

    public synchronized void anonymize(boolean on) {
        requireOpen();
        anonymized = on;
        for (Map<String, Long> sent : dashboards.values()) sent.clear();
        rosterChanged = true;
        save();
    }

    public synchronized boolean anonymized() { return anonymized; }

    public void remove(String studentId) {
        synchronized (this) {
            requireOpen();
            Student s = student(studentId);
            students.remove(s.id);
            dropStudent(s);
        }
        publish(new RoomEvent.Removed(studentId));
    }

    /** A student's session for a read-only viewer (the teacher opening a card). */
    public synchronized Session watch(String studentId) {
        requireOpen();
        Student s = student(studentId);
        if (s.left || s.session == null) throw new RoomException(RoomException.Kind.NOT_FOUND, "that student has left");
        return s.session;
    }

    /** A student's curve so far (for a teacher opening their run). */
    public synchronized ChartLog.Points chartOf(String studentId) { return student(studentId).chart.points(); }

    /** A student's shown name (anonymized or not) and number. */
    public synchronized String displayName(String studentId) {
        Student s = student(studentId);
        return anonymized ? "Student " + s.number : s.name;
    }

    /** Closes the room: students are told, sessions freed, the code forgotten. */
    void close() {
        synchronized (this) {
            if (closed) return;
            closed = true;
        }
        context.events().publish(code, new RoomEvent.Closed());
        synchronized (this) {
            for (Student s : students.values()) freeSession(s);
            students.clear();
            dashboards.clear();
        }
        try {
            subscription.close();
        } catch (Exception ignored) {
            // a local subscription cannot fail to close
        }
        context.store().removeRoom(code);
    }

    /** The class report (CSV): one row per student. */
    public synchronized String report() {
        List<ClassReport.Row> rows = new ArrayList<>();
        for (Student s : students.values()) {
            SessionSummary m = s.summary();
            String link = m.settings() != null ? m.link() : (s.lastLink() == null ? "" : s.lastLink());
            rows.add(new ClassReport.Row(s.name, link, m.epoch(), m.lossTrain(), m.lossTest(),
                    m.problem().equals("regression") ? "r2" : "accuracy", m.metricTrain(), m.metricTest(), s.stateKey(m)));
        }
        return ClassReport.csv(rows);
    }

    /** The leaderboard now (names anonymized when the room is). */
    public synchronized List<Leaderboard.Entry> leaderboard() {
        List<Leaderboard.Entry> entries = new ArrayList<>();
        for (Student s : students.values()) {
            entries.add(new Leaderboard.Entry(s.id, anonymized ? "Student " + s.number : s.name, s.bestLossTest,
                    s.bestParameters, s.bestEpoch, s.bestMillis));
        }
        return Leaderboard.top(entries, Leaderboard.SIZE);
    }

    // ---- dashboards

    public synchronized void addDashboard(Dashboard d) {
        requireOpen();
        dashboards.put(d, new HashMap<>());
    }

    public synchronized void removeDashboard(Dashboard d) { dashboards.remove(d); }

    /**
     * One tick of the room's ticker: frees the sessions of students away past the grace period,
     * samples every student's curve and best loss, and sends each ready dashboard the cards that
     * changed since its last update. A dashboard still writing its last update is skipped.
     */
    synchronized void tick(long now) {
        if (closed) return;
        if (!dashboards.isEmpty() || students.values().stream().anyMatch(st -> st.link.attached())) lastUsedMillis = now;
        long graceMillis = context.limits().grace().toMillis();
        for (Student s : students.values()) {
            if (!s.left && s.awaySince != 0 && now - s.awaySince > graceMillis) {
                freeSession(s);
                s.left = true;
                s.metaVersion++;
            }
            SessionSummary m = s.summary();
            if (m.version() == 0) continue;
            s.lastSettings = m.settings();
            s.chart.add(m.epoch(), m.lossTrain(), m.lossTest());
            boolean currentExercise = m.builds() > s.buildsBeforeExercise;
            if (currentExercise && Double.isFinite(m.lossTest()) && (!(s.bestLossTest <= m.lossTest()))) {
                s.bestLossTest = m.lossTest();
                s.bestParameters = m.parameterCount();
                s.bestEpoch = m.epoch();
                s.bestMillis = now;
            }
        }
        List<String> removed = List.copyOf(removedSinceTick);
        removedSinceTick.clear();
        boolean full = rosterChanged;
        rosterChanged = false;
        List<Leaderboard.Entry> board = leaderboard();
        for (Map.Entry<Dashboard, Map<String, Long>> e : dashboards.entrySet()) {
            Dashboard d = e.getKey();
            Map<String, Long> sent = e.getValue();
            if (full) sent.clear();
            if (!d.ready()) {
                // skipped: the next update it takes must carry every change, removals included
                if (!removed.isEmpty()) sent.clear();
                continue;
            }
            boolean everything = sent.isEmpty();
            List<Card> cards = new ArrayList<>();
            for (Student s : students.values()) {
                long version = s.cardVersion();
                Long last = sent.put(s.id, version);
                if (last == null || last != version) cards.add(card(s));
            }
            d.update(new RosterUpdate(everything, code, students.size(), anonymized, spotlight, exerciseLink(), locked(),
                    cards, everything ? List.of() : removed, board));
        }
    }

    /** How long nobody has used this room: no dashboard open, no student connected (ms). */
    synchronized long idleMillis(long now) { return now - lastUsedMillis; }

    /** A chart of the student's curve so far (for their reloaded page). */
    ChartLog.Points chart(Student s) { return s.chart.points(); }

    Student byToken(String token) {
        String hash = Secrets.hash(token);
        synchronized (this) {
            for (Student s : students.values()) if (Secrets.same(s.token, hash)) return s;
        }
        return null;
    }

    /** Writes every student's last link to the store (the server is stopping). */
    synchronized void saveRoster() {
        for (Student s : students.values()) {
            s.summary();
            if (s.summary().settings() != null) s.lastSettings = s.summary().settings();
            context.store().saveStudent(code, record(s));
        }
    }

    /** Frees every session without forgetting the room (the server is stopping: the store keeps it). */
    synchronized void suspend() {
        for (Student s : students.values()) freeSession(s);
        dashboards.clear();
        try {
            subscription.close();
        } catch (Exception ignored) {
            // a local subscription cannot fail to close
        }
    }

    // ---- events: what every server does with its own students

    private void apply(RoomEvent event) {
        List<Session> sessions = new ArrayList<>();
        synchronized (this) {
            for (Student s : students.values()) if (!s.left && s.session != null) sessions.add(s.session);
        }
        // notices, spotlight, removal and closing are for the pages
        if (event instanceof RoomEvent.ExercisePushed e) sessions.forEach(s -> s.load(e.link()));
        else if (event instanceof RoomEvent.PauseAll) sessions.forEach(Session::pause);
        else if (event instanceof RoomEvent.ResumeAll) sessions.forEach(Session::play);
        else if (event instanceof RoomEvent.ResetAll) sessions.forEach(Session::reset);
    }

    private void publish(RoomEvent e) {
        synchronized (this) { requireOpen(); }
        context.events().publish(code, e);
    }

    private Card card(Student s) {
        SessionSummary m = s.summary();
        return new Card(s.id, s.number, anonymized ? "Student " + s.number : s.name, m.epoch(), m.lossTrain(), m.lossTest(),
                m.metricTest(), m.problem(), s.stateKey(m), m.parameterCount(), m.lastActivityMillis(), m.thumbs(), m.thumbCount());
    }

    private Student student(String id) {
        Student s = id == null ? null : students.get(id);
        if (s == null) throw new RoomException(RoomException.Kind.NOT_FOUND, "no such student in this class");
        return s;
    }

    private void openSession(Student s, String link) {
        try {
            s.session = context.sessions().open(s.address, s.link);
        } catch (SessionRegistry.LimitException full) {
            throw new RoomException(RoomException.Kind.FULL, full.getMessage());
        }
        s.session.load(link == null ? "" : link);
    }

    private void dropStudent(Student s) {
        freeSession(s);
        removedSinceTick.add(s.id);
        if (s.id.equals(spotlight)) spotlight = null;
        context.store().removeStudent(code, s.id);
    }

    private void freeSession(Student s) {
        if (s.session != null && !s.left) context.sessions().close(s.address, s.session);
        s.session = null;
    }

    private SessionListener current(Student s) { return s.link.current(); }

    private void requireOpen() {
        if (closed) throw new RoomException(RoomException.Kind.NOT_FOUND, "this class has been closed by the teacher");
    }

    private void save() {
        context.store().saveRoom(new RoomStore.RoomRecord(code, teacherKeyHash, exercise == null ? null : exercise.link(),
                anonymized, createdMillis));
    }

    private RoomStore.StudentRecord record(Student s) {
        return new RoomStore.StudentRecord(s.id, s.token, s.name, s.number, s.lastLink(), s.joinedMillis);
    }

    static String cleanName(String name) {
        String n = name == null ? "" : name.strip().replaceAll("\\p{Cntrl}", "");
        if (n.isEmpty()) throw new RoomException(RoomException.Kind.BAD_REQUEST, "please type your name");
        if (n.codePointCount(0, n.length()) > RoomLimits.MAX_NAME_LENGTH) {
            throw new RoomException(RoomException.Kind.BAD_REQUEST, "names are at most " + RoomLimits.MAX_NAME_LENGTH + " characters");
        }
        return n;
    }
}
