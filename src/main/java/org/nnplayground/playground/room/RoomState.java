package org.nnplayground.playground.room;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What one class holds, shared by the parts of a {@link Room}: {@link RoomMembers} (who is in it),
 * {@link TeacherActions} (what the teacher does, as events), {@link RoomReports} (report,
 * leaderboard, dashboard updates) and {@link RoomReplication} (the store and the other replicas).
 * <p>
 * <b>The lock rules of a room.</b>
 * <ul>
 * <li>This object's monitor is the room's lock. It guards every field here and everything reached
 *     through them: the {@link Roster} and its {@link Student}s, the {@link DashboardFeed}, and what
 *     {@link StudentSessions} and {@link RosterSync} change (each part calls them holding it).</li>
 * <li>Nothing slow runs under it: the store's writes ({@link RoomStore}, queued to the store's own
 *     thread for students) and reads, checkpoint reads and deletes, publishing {@link RoomEvent}s and
 *     loading, pausing or resetting sessions all happen after the lock is released.</li>
 * <li>A part never calls out (events, store, sessions) while holding it, and never takes another
 *     room's lock inside it: the ticker takes one room's lock at a time.</li>
 * <li>The students' training never takes it: a session's summary is read through a volatile field.</li>
 * </ul>
 */
final class RoomState {
    final String code;
    /** SHA-256 of the teacher key (the key itself is only ever in the teacher's link). */
    final String teacherKeyHash;
    final long createdMillis;
    final RoomContext context;
    final Roster roster = new Roster();
    final DashboardFeed dashboards = new DashboardFeed();
    final ClassViewers classViewers = new ClassViewers();
    final StudentSessions sessions;
    final RosterSync rosterSync;
    Exercise exercise;
    boolean anonymized;
    String spotlight;
    boolean closed;
    /** This server let go of the room (stopping, or a copy nobody here used); the room itself goes on. */
    boolean suspended;
    /** Token hashes and names (lower case) of the students the teacher removed: they may not come back to this class. */
    final Set<String> removedTokens = new HashSet<>();
    final Set<String> removedNames = new HashSet<>();
    /** The class report as it was when the class ended (null: not ended). */
    String finalReport;
    /** This copy's subscription to the room's events (set once, right after the parts are made). */
    AutoCloseable subscription = () -> {};
    /** Last tick with a dashboard open or a student connected (rooms idle too long are closed). */
    long lastUsedMillis = System.currentTimeMillis();

    RoomState(String code, String teacherKeyHash, Exercise exercise, boolean anonymized, long createdMillis, RoomContext context) {
        this.code = code;
        this.teacherKeyHash = teacherKeyHash;
        this.exercise = exercise;
        this.anonymized = anonymized;
        this.createdMillis = createdMillis;
        this.context = context;
        this.sessions = new StudentSessions(context);
        this.rosterSync = new RosterSync(roster, sessions, dashboards, context.replica().id(), this::dropHere, this::ban);
    }

    /** The current exercise link (null: none pushed yet). Under the lock. */
    String exerciseLink() { return exercise == null ? null : exercise.link(); }

    /** What the exercise turns off. Under the lock. */
    Set<String> locked() { return exercise == null ? Set.of() : exercise.locked(); }

    /** Throws unless the room takes requests here. Under the lock. */
    void requireOpen() {
        if (suspended && !closed) throw new RoomException(RoomException.Kind.UNAVAILABLE, "the class is being reloaded on this server; try again");
        if (closed) throw ended();
    }

    static RoomException ended() {
        return new RoomException(RoomException.Kind.ENDED, "this class has ended: the teacher closed it");
    }

    /** A student's session is on another server: their card comes from its summaries. */
    boolean remote(Student s) { return RemoteCards.remote(s, context.replica().id()); }

    void setAnonymized(boolean on) {
        anonymized = on;
        dashboards.roomChanged(); // every card again, with the names now shown
    }

    /** The student is off this copy's roster: their session here (if any) is freed, their card goes. Under the lock. */
    void dropHere(Student s) {
        sessions.free(s);
        dashboards.removed(s.id);
        if (s.id.equals(spotlight)) spotlight = null;
    }

    /** Stops hearing the room's events on this server. */
    void unsubscribe() {
        try {
            subscription.close();
        } catch (Exception ignored) {
            // a local subscription cannot fail to close; a shared one only stops listening
        }
    }

    /** The teacher removed {@code s}: their token and name are refused from now on; what the store keeps of it. Under the lock. */
    RoomStore.Ban ban(Student s) {
        RoomStore.Ban ban = new RoomStore.Ban(s.token, s.name.toLowerCase(Locale.ROOT));
        banned(ban);
        return ban;
    }

    /** A removal kept by the store (after a restart, or in a copy read from the shared store). Under the lock. */
    void banned(RoomStore.Ban ban) {
        removedTokens.add(ban.token());
        removedNames.add(ban.name());
    }

    /** A name told apart from the others on the roster: "Ada", then "Ada 2", "Ada 3". Under the lock. */
    String distinctName(String name) {
        Set<String> taken = new HashSet<>();
        for (Student s : roster.all()) taken.add(s.name.toLowerCase(Locale.ROOT));
        if (!taken.contains(name.toLowerCase(Locale.ROOT))) return name;
        for (int n = 2; ; n++) {
            String candidate = name + " " + n;
            if (!taken.contains(candidate.toLowerCase(Locale.ROOT))) return candidate;
        }
    }

    /** Throws when the teacher removed a student of this name. Under the lock. */
    void requireNotRemoved(String name) {
        if (removedNames.contains(name.toLowerCase(Locale.ROOT))) {
            throw new RoomException(RoomException.Kind.FORBIDDEN, "the teacher removed '" + name + "' from this class; "
                    + "ask your teacher if that was a mistake");
        }
    }

    /** What the store keeps of a student. */
    RoomStore.StudentRecord record(Student s) {
        return new RoomStore.StudentRecord(s.id, s.token, s.name, s.number, s.lastLink(), s.joinedMillis);
    }
}
