package org.nnplayground.playground.room;

import org.nnplayground.playground.session.Session;
import org.nnplayground.playground.session.SessionListener;
import org.nnplayground.playground.session.SessionRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every room of the server: creating (within the rooms limit), finding by code (wrong codes are
 * rate limited per address, against guessing), joining and resuming; {@link RoomTicker} ticks them.
 */
public final class Rooms implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Rooms.class);

    private final RoomContext context;
    private final JoinCodes codes = new JoinCodes();
    private final Map<String, Room> rooms = new ConcurrentHashMap<>();
    private final AddressWindow wrongCodes = new AddressWindow(60_000);
    private final EndedRooms ended = new EndedRooms();
    private final AddressWindow created = new AddressWindow(3_600_000);
    private final JoinWindows unconnected = new JoinWindows();
    private final RoomTicker ticker;
    /** With several servers: copies of rooms read from the shared store. */
    private final RoomCopies copies;
    /** With several servers: codes of the rooms created on this one (see {@link #hosted()}); guarded by {@code rooms}. */
    private final Set<String> createdHere = new HashSet<>();

    public Rooms(SessionRegistry sessions, RoomEvents events, RoomStore store, RoomLimits limits) {
        this(sessions, events, store, limits, Replica.alone());
    }

    /**
     * The rooms of one replica: alone, rooms are restored from the store at start; sharing the
     * store with other replicas, a room is read from it when first asked for here (a copy that
     * follows the room's events), and this server sends the others its students' cards.
     */
    public Rooms(SessionRegistry sessions, RoomEvents events, RoomStore store, RoomLimits limits, Replica replica) {
        this.context = new RoomContext(sessions, events, store, limits, replica);
        this.copies = new RoomCopies(rooms, context);
        if (!replica.shared()) restore();
        this.ticker = new RoomTicker(rooms, context, this::close, this::remember, now -> {
            wrongCodes.forgetOld(now);
            created.forgetOld(now);
            unconnected.forgetOld(now);
        });
    }

    /**
     * A new room, on {@code exerciseLink} if given, created from {@code address} (at most
     * {@link RoomLimits#roomsPerHour()} an hour each); its teacher key is returned once, here.
     */
    public Created create(String exerciseLink, String address) {
        Exercise exercise = exerciseLink == null || exerciseLink.isBlank() ? null : Exercise.buildable(exerciseLink);
        synchronized (rooms) {
            long now = System.currentTimeMillis();
            int perHour = context.limits().roomsPerHour();
            if (created.full(address, perHour, now)) {
                throw new RoomException(RoomException.Kind.TOO_MANY_TRIES, "your address has created " + perHour
                        + " classes in the last hour, the most allowed; reuse one of them or try again later");
            }
            if (hosted() >= context.limits().maxRooms()) {
                throw new RoomException(RoomException.Kind.FULL, "this server already hosts " + context.limits().maxRooms()
                        + " classes; close one or try later");
            }
            String code;
            String key = Secrets.token(24);
            if (context.replica().shared()) {
                // the store decides: another server may have made a room with the same code
                RoomStore.RoomRecord made;
                do {
                    do { code = codes.next(); } while (rooms.containsKey(code) || ended.get(code, now) != null);
                    made = Room.record(code, Secrets.hash(key), exercise);
                } while (!context.store().createRoom(made));
                rooms.put(code, new Room(made, exercise, context));
                createdHere.add(code);
            } else {
                do { code = codes.next(); } while (rooms.containsKey(code) || ended.get(code, now) != null);
                rooms.put(code, new Room(code, Secrets.hash(key), exercise, context));
            }
            created.add(address, now);
            return new Created(code, key);
        }
    }

    /**
     * Rooms this server counts against {@link RoomLimits#maxRooms()}: all of them alone; with
     * several servers the ones created here and still held (copies of other servers' rooms are
     * bounded by the sessions and dashboards that reach this server, not by this limit).
     */
    private int hosted() {
        if (!context.replica().shared()) return rooms.size();
        createdHere.removeIf(code -> !rooms.containsKey(code));
        return createdHere.size();
    }

    /** The code and the teacher's secret key of a new room. */
    public record Created(String code, String teacherKey) {}

    /**
     * The room with this code (typed by a person: case and spaces do not matter). An address that
     * tries too many wrong codes is refused for a while, right codes included.
     */
    public Room find(String typedCode, String address) {
        long now = System.currentTimeMillis();
        if (wrongCodes.full(address, context.limits().wrongCodesPerMinute(), now)) {
            throw new RoomException(RoomException.Kind.TOO_MANY_TRIES, "too many wrong class codes from your address; wait a minute");
        }
        Room room = existing(typedCode);
        if (room == null && endedClass(typedCode, now) != null) {
            throw new RoomException(RoomException.Kind.ENDED, "the class with the code '" + typedCode.strip()
                    + "' has ended: the teacher closed it");
        }
        if (room == null) {
            wrongCodes.add(address, now);
            throw new RoomException(RoomException.Kind.NOT_FOUND, "there is no class with the code '"
                    + (typedCode == null ? "" : typedCode.strip()) + "'; check it with your teacher");
        }
        return room;
    }

    /** The open room with this code, held here or (several servers) read from the store; null when there is none. */
    private Room existing(String typedCode) {
        String code = JoinCodes.normalize(typedCode);
        if (code == null) return null;
        Room room = rooms.get(code);
        if (room != null && room.hasEnded()) remember(room);
        if ((room == null || room.closed()) && context.replica().shared()) room = copies.copy(code);
        return room == null || room.closed() ? null : room;
    }

    /**
     * The room for a teacher: unknown codes and wrong keys answer alike (forbidden), so neither
     * leaks. The room's own teacher key passes the wrong-code limit: a class sharing the teacher's
     * address cannot lock the teacher out by typing wrong codes (the key cannot be guessed).
     */
    public Room forTeacher(String typedCode, String key, String address) {
        if (key != null && !key.isEmpty()) {
            Room mine = existing(typedCode);
            if (mine != null && mine.isTeacher(key)) return mine;
            EndedRooms.Ended over = mine == null ? endedClass(typedCode, System.currentTimeMillis()) : null;
            if (over != null && over.teacher(key)) throw new RoomException(RoomException.Kind.ENDED, RoomException.CLASS_ENDED);
        }
        Room room;
        try {
            room = find(typedCode, address);
        } catch (RoomException e) {
            if (e.kind() == RoomException.Kind.NOT_FOUND || e.kind() == RoomException.Kind.ENDED) throw RoomException.forbidden();
            throw e;
        }
        room.checkTeacher(key);
        return room;
    }

    /** The report of an ended class as it was at the end, when {@code key} is its teacher's; else null. */
    public String endedReport(String typedCode, String key) {
        EndedRooms.Ended over = endedClass(typedCode, System.currentTimeMillis());
        return over != null && over.teacher(key) ? over.report() : null;
    }

    /**
     * The class with this typed code that ended, or null: remembered here, or (several servers) kept
     * by the store, where a class closed on another server, or before a restart, is found.
     */
    private EndedRooms.Ended endedClass(String typedCode, long now) {
        String code = JoinCodes.normalize(typedCode);
        EndedRooms.Ended known = ended.get(code, now);
        if (known != null || code == null || !context.replica().shared()) return known;
        RoomStore.EndedRecord stored;
        try {
            stored = context.store().ended(code);
        } catch (RuntimeException e) {
            LOG.warn("rooms: could not read the ended classes: " + e.getMessage());
            return null;
        }
        if (stored == null) return null;
        ended.add(code, new EndedRooms.Ended(stored.teacherKey(), stored.report(), stored.endedMillis()));
        return ended.get(code, now);
    }

    /** Joins a room by code: a name in, a resume token (kept by the browser) and a student id out. */
    public Joined join(String typedCode, String name, String address) {
        Room room = find(typedCode, address);
        unconnected.check(address, room.code(), System.currentTimeMillis());
        Student s = room.join(name, address);
        unconnected.joined(address, room.code(), s.joinedMillis);
        String token = s.plainToken;
        s.plainToken = null;
        return new Joined(room.code(), s.id, token, s.name);
    }

    public record Joined(String code, String studentId, String token, String name) {}

    /**
     * Connects a socket to the student holding {@code token}: their same session (see
     * {@link Room#attach}). Unknown tokens are refused alike whatever the reason.
     */
    public Membership resume(String token, SessionListener socket, String address) {
        if (token != null) {
            for (Room room : rooms.values()) {
                Student s = room.byToken(token);
                if (s != null) return attach(room, s, socket, address);
            }
            if (context.replica().shared()) {
                Room room = copies.withToken(token);
                Student s = room == null ? null : room.byToken(token);
                if (s != null) return attach(room, s, socket, address);
            }
        }
        throw new RoomException(RoomException.Kind.NOT_FOUND, "your place in the class has ended (the class was closed or you were removed); join again");
    }

    private Membership attach(Room room, Student s, SessionListener socket, String address) {
        Room.Attach done = room.attach(s, socket, address, room.checkpointToResume(s));
        if (done.firstConnectFrom() != null) unconnected.connected(done.firstConnectFrom(), room.code(), s.joinedMillis);
        return new Membership(room, s, done.previous(), done.resumed());
    }

    /**
     * The events between servers were cut for a while (their connection to the database was
     * lost): every copy reads its room and roster again; a room that is gone was closed meanwhile.
     */
    public void resync() { copies.resync(); }

    /** This server's name among the replicas. */
    public String replica() { return context.replica().id(); }

    /** A connected student: the web layer hands their requests to {@link #session()} within the room's locks. */
    public static final class Membership {
        private final Room room;
        private final Student student;
        private final SessionListener replaced;
        private final Room.Resumed resumed;

        Membership(Room room, Student student, SessionListener replaced, Room.Resumed resumed) {
            this.room = room;
            this.student = student;
            this.replaced = replaced;
            this.resumed = resumed;
        }

        /** How the student's session was opened again on this server (another replica had it, or this one restarted), or null. */
        public Room.Resumed resumed() { return resumed; }

        public Room room() { return room; }

        public String studentId() { return student.id; }

        public String name() { return student.name; }

        /** The socket this one replaced (the student's other tab), or null. */
        public SessionListener replaced() { return replaced; }

        /** The student's session (null after they left or were removed). */
        public Session session() { return room.session(student); }

        /** The curve so far, for a reloaded page. */
        public ChartLog.Points chart() { return room.chart(student); }

        /** Sends the session's description, status and frame to the new socket (after the joined and chart messages). */
        public void start() { room.refresh(student); }

        /** The socket closed: the session waits for them. */
        public void detach(SessionListener socket) { room.detach(student, socket); }

        /** The student leaves the class. */
        public void leave() { room.leave(student); }
    }

    /** Closes a room (the teacher's key checked by the caller). */
    public void close(Room room) {
        rooms.remove(room.code(), room);
        room.close();
        remember(room);
    }

    /** A class that ended (here, or on another server: its copy heard it) is remembered for a while. */
    private void remember(Room room) {
        if (room.hasEnded()) ended.add(room.code(), room.ended(System.currentTimeMillis()));
    }

    public int size() { return rooms.size(); }

    /** The server stops: sessions are freed, rooms and rosters stay in the store for the next start. */
    @Override
    public void close() {
        ticker.close();
        for (Room r : rooms.values()) {
            r.saveRoster();
            r.suspend();
        }
        rooms.clear();
        context.store().close();
    }

    /** Stops the ticker and frees every session without writing anything (a test's stand-in for a killed server). */
    public void abort() {
        ticker.close();
        for (Room r : rooms.values()) r.suspend();
        rooms.clear();
    }

    /** Rooms kept by the store (a restart): their students come back with their tokens, removed ones stay out, ended classes say so. */
    private void restore() {
        try {
            for (RoomStore.RoomRecord r : context.store().rooms()) {
                Room room = Room.restore(r, context.store().students(r.code()), context);
                room.addBans(context.store().bans(r.code()));
                rooms.put(r.code(), room);
            }
            for (RoomStore.EndedRecord e : context.store().endedRooms()) {
                ended.add(e.code(), new EndedRooms.Ended(e.teacherKey(), e.report(), e.endedMillis()));
            }
        } catch (RuntimeException e) {
            LOG.warn("could not read the stored rooms; starting without them", e);
        }
    }
}
