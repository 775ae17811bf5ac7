package org.nnplayground.playground.web;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.javalin.websocket.WsCloseContext;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsConnectContext;
import io.javalin.websocket.WsMessageContext;
import org.eclipse.jetty.websocket.api.Callback;
import org.nnplayground.playground.room.Dashboard;
import org.nnplayground.playground.room.Room;
import org.nnplayground.playground.room.RoomEvent;
import org.nnplayground.playground.room.RoomEvents;
import org.nnplayground.playground.room.RoomException;
import org.nnplayground.playground.room.Rooms;
import org.nnplayground.playground.room.RosterUpdate;
import org.nnplayground.playground.session.Session;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The class-room WebSocket ({@code /ws/room}). A socket becomes a student's ({@code resume} with
 * the token from joining: their own session, which outlives the socket for the grace period) or a
 * teacher's ({@code teach} with code and key: dashboard updates, teacher actions, read-only
 * {@code watch} of one run). Anything else is refused with an error; nothing changes.
 */
final class RoomSocket {
    private static final Map<Class<?>, String> TYPE_NAMES = typeNames();
    private static final Logger LOG = Logger.getLogger(RoomSocket.class.getName());

    private final Rooms rooms;
    private final RoomEvents events;
    private final ServerConfig config;
    private final ObjectWriter writer;
    private final Map<String, Peer> peers = new ConcurrentHashMap<>();
    private final SavedRuns runs;
    private final MessageGate gate;
    private final CsvUploads uploads;
    /** Who a socket's client is (per-address limits), proxies taken into account. */
    private final ClientAddress clients;

    RoomSocket(Rooms rooms, RoomEvents events, ServerConfig config, ObjectMapper mapper, SavedRuns runs, CsvUploads uploads) {
        this.uploads = uploads;
        this.runs = runs;
        this.rooms = rooms;
        this.events = events;
        this.config = config;
        this.writer = mapper.writerFor(ServerMessage.class);
        this.gate = new MessageGate(config, mapper);
        this.clients = ClientAddress.trusting(config.trustedProxies());
    }

    /** One socket's role: nothing yet, a student (membership), or a teacher (room, dashboard, watched run). */
    private final class Peer implements Dashboard {
        final Connection connection;
        final AtomicBoolean writing = new AtomicBoolean();
        /** When the dashboard update now in flight was handed to the socket (ns). */
        volatile long writeStartedNanos;
        /** When the reaper closed this teacher's socket for a stalled dashboard (ns), 0 before. */
        long reapedNanos;
        Rooms.Membership member;
        AutoCloseable subscription;
        Room teaching;
        Session watched;

        Peer(Connection connection) { this.connection = connection; }

        @Override
        public boolean ready() { return connection.canSendFrame() && !writing.get(); }

        /** Dashboard updates: one in flight at most; the room skips this dashboard while it is written. */
        @Override
        public void update(RosterUpdate update) {
            try {
                String text = writer.writeValueAsString(new ServerMessage.Roster(update));
                writeStartedNanos = System.nanoTime();
                writing.set(true);
                connection.socket().sendText(text, Callback.from(() -> writing.set(false), failure -> writing.set(false)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot encode a roster", e);
            }
        }

        /** True when a dashboard update has waited longer than {@code limit} for the page to read it. */
        boolean dashboardStalled(java.time.Duration limit) {
            return writing.get() && System.nanoTime() - writeStartedNanos > limit.toNanos();
        }
    }

    void configure(WsConfig ws) {
        ws.onConnect(this::connect);
        ws.onMessage(this::safeMessage);
        ws.onBinaryMessage(ctx -> {
            Peer p = peers.get(ctx.sessionId());
            if (p != null) p.connection.send(new ServerMessage.Error("binary messages are not accepted; send JSON text", null));
        });
        ws.onClose(this::closed);
        ws.onError(ctx -> release(ctx.sessionId()));
    }

    private void connect(WsConnectContext ctx) {
        Connection c = new Connection(ctx.session, writer, clients.of(ctx), new RateLimiter(config.messagesPerSecond()));
        peers.put(ctx.sessionId(), new Peer(c));
        ctx.enableAutomaticPings(SocketEndpoint.PING_SECONDS, TimeUnit.SECONDS);
    }

    /** One bad message must never close the socket with Java internals (as on /ws). */
    private void safeMessage(WsMessageContext ctx) {
        try {
            message(ctx);
        } catch (RuntimeException e) {
            java.util.logging.Logger.getLogger(RoomSocket.class.getName()).log(java.util.logging.Level.WARNING, "room message failed", e);
            Peer p = peers.get(ctx.sessionId());
            if (p != null) p.connection.send(new ServerMessage.Error("the server could not handle this message", null));
        }
    }

    private void message(WsMessageContext ctx) {
        Peer p = peers.get(ctx.sessionId());
        if (p == null) return;
        Connection c = p.connection;
        // the same rate, size and parsing rules as /ws (acknowledgements are taken there)
        ClientMessage m = gate.admit(c, ctx.message());
        if (m == null) return;
        String type = TYPE_NAMES.get(m.getClass());
        try {
            if (m instanceof ClientMessage.RoomRequest r) room(p, r);
            else play(p, m, type);
        } catch (RoomException | IllegalArgumentException e) {
            c.send(new ServerMessage.Error(e.getMessage(), type));
        } catch (RuntimeException e) {
            // one bad message must never close the socket with Java internals
            LOG.log(Level.WARNING, "room message failed", e);
            c.send(new ServerMessage.Error("the server could not handle this message", type));
        }
    }

    /** A playground message: only a student's socket has a session; the exercise's locks apply. */
    private void play(Peer p, ClientMessage m, String type) {
        // every page tells on connect whether its course views are open: a teacher's read-only view
        // has none (they would be the student's), so that greeting is no edit and no error toast
        if (p.member == null && p.teaching != null && m instanceof ClientMessage.Insights) return;
        if (p.member == null) {
            throw new IllegalArgumentException(p.teaching != null ? "this view is read-only" : "join a class first (send 'resume' with your token)");
        }
        Session s = p.member.session();
        if (s == null) throw new IllegalArgumentException("your session has ended; reload the page");
        Room room = p.member.room();
        String refusal = room.refusal(type, m instanceof ClientMessage.Set set ? set.key() : null);
        if (refusal != null) throw new IllegalArgumentException(refusal);
        if (m instanceof ClientMessage.Load load) s.load(room.enforce(load.linkText()));
        else if (m instanceof ClientMessage.LoadRun) throw new IllegalArgumentException("open saved runs outside the class: leave it first");
        else if (m instanceof ClientMessage.RunRequest r) r.applyTo(p.connection, runs);
        else if (m instanceof ClientMessage.UploadRequest u) u.applyTo(p.connection, uploads);
        else m.applyTo(s);
    }

    private void room(Peer p, ClientMessage.RoomRequest r) {
        Connection c = p.connection;
        if (r instanceof ClientMessage.Resume resume) {
            if (p.member != null || p.teaching != null) throw new IllegalArgumentException("this socket already has a role");
            Rooms.Membership m = rooms.resume(resume.token(), c, c.address());
            p.member = m;
            c.attach(m.session());
            if (m.replaced() instanceof Connection old && old != c) {
                old.send(new ServerMessage.RoomClosed("you opened the class in another tab", "elsewhere"));
                old.close(1000, "opened elsewhere");
            }
            Room room = m.room();
            String id = m.studentId();
            p.subscription = events.subscribe(room.code(), e -> studentEvent(p, id, e));
            c.send(new ServerMessage.Joined(room.code(), id, m.name(), room.exerciseLink(), room.locked()));
            if (m.resumed() != null) c.send(new ServerMessage.Resumed(m.resumed().epoch(), m.resumed().lostSeconds(), m.resumed().from()));
            var chart = m.chart();
            if (chart.epochs().length > 0) c.send(new ServerMessage.Chart(chart.epochs(), chart.train(), chart.test()));
            m.start();
        } else if (r instanceof ClientMessage.LeaveRoom) {
            if (p.member == null) throw new IllegalArgumentException("you are not in a class");
            closeSubscription(p);
            p.member.leave();
            p.member = null;
            c.send(new ServerMessage.RoomClosed("you left the class", "left"));
        } else if (r instanceof ClientMessage.Teach teach) {
            if (p.member != null || p.teaching != null) throw new IllegalArgumentException("this socket already has a role");
            Room room = teacherRoom(c, teach);
            if (room == null) return;
            p.teaching = room;
            room.addDashboard(p);
            p.subscription = events.subscribe(room.code(), e -> {
                if (e instanceof RoomEvent.Closed) c.send(new ServerMessage.RoomClosed("the class is closed", "closed"));
            });
            c.send(new ServerMessage.Teaching(room.code(), room.size()));
        } else if (r instanceof ClientMessage.Watch watch) {
            if (p.teaching == null) throw new RoomException(RoomException.Kind.FORBIDDEN, "only the teacher can open a student's run");
            stopWatching(p);
            if (watch.studentId() == null) return;
            Session s = p.teaching.watch(watch.studentId());
            p.watched = s;
            c.attach(s);
            c.send(new ServerMessage.Watching(watch.studentId(), p.teaching.displayName(watch.studentId())));
            var chart = p.teaching.chartOf(watch.studentId());
            if (chart.epochs().length > 0) c.send(new ServerMessage.Chart(chart.epochs(), chart.train(), chart.test()));
            s.addViewer(c);
        } else if (r instanceof ClientMessage.TeacherRequest action) {
            if (p.teaching == null) throw new RoomException(RoomException.Kind.FORBIDDEN,
                    "only the teacher can do that (send 'teach' with the teacher key first)");
            action.apply(p.teaching, rooms);
            c.send(new ServerMessage.Done(TYPE_NAMES.get(r.getClass())));
        }
    }

    /** The teacher's room, or null when the class has ended (the dashboard is told, and shows it read-only). */
    private Room teacherRoom(Connection c, ClientMessage.Teach teach) {
        try {
            return rooms.forTeacher(teach.code(), teach.key(), c.address());
        } catch (RoomException e) {
            if (e.kind() != RoomException.Kind.ENDED) throw e;
            c.send(new ServerMessage.RoomClosed(e.getMessage(), "closed"));
            return null;
        }
    }

    /** What a student's page hears of the room. */
    private void studentEvent(Peer p, String studentId, RoomEvent e) {
        Connection c = p.connection;
        if (e instanceof RoomEvent.ExercisePushed pushed) c.send(new ServerMessage.Exercise(pushed.link(), pushed.locked()));
        else if (e instanceof RoomEvent.Notice n) c.send(new ServerMessage.Notice(n.text()));
        else if (e instanceof RoomEvent.Spotlight s) c.send(new ServerMessage.Spotlight(s.studentId(), studentId.equals(s.studentId())));
        else if (e instanceof RoomEvent.Removed removed && removed.studentId().equals(studentId)) {
            c.send(new ServerMessage.RoomClosed("the teacher removed you from the class", "removed"));
            c.close(1000, "removed");
        } else if (e instanceof RoomEvent.Closed) {
            c.send(new ServerMessage.RoomClosed("the teacher closed the class", "closed"));
            c.close(1000, "class closed");
        } else if (e instanceof RoomEvent.Attached a && a.studentId().equals(studentId) && !a.replica().equals(rooms.replica())) {
            // the student's page connected to another server, which holds their run now
            c.send(new ServerMessage.RoomClosed("you opened the class in another tab", "elsewhere"));
            c.close(1000, "opened elsewhere");
        }
    }

    private void closed(WsCloseContext ctx) { release(ctx.sessionId()); }

    /** A closed socket: a student's session waits for them; a teacher's dashboard and view end. */
    private void release(String id) {
        Peer p = peers.remove(id);
        if (p == null) return;
        closeSubscription(p);
        if (p.member != null) p.member.detach(p.connection);
        if (p.teaching != null) {
            p.teaching.removeDashboard(p);
            stopWatching(p);
        }
    }

    private static void stopWatching(Peer p) {
        if (p.watched != null) p.watched.removeViewer(p.connection);
        p.watched = null;
    }

    private static void closeSubscription(Peer p) {
        try {
            if (p.subscription != null) p.subscription.close();
        } catch (Exception ignored) {
            // closing a local subscription cannot fail
        }
        p.subscription = null;
    }

    /**
     * Closes the sockets of students whose page stopped taking frames while their session plays,
     * as /ws does ({@link Connection#closeIfStalled}); the close detaches them: the session pauses
     * and waits for them to resume. A teacher watching a run is reaped the same way, and so is a
     * teacher whose dashboard has not read its last update for the stall timeout (else the socket
     * and its dashboard are held for good). Called every second.
     */
    void reapStalled() {
        java.time.Duration limit = config.stallTimeout();
        for (Peer p : peers.values()) {
            if (p.member != null || p.watched != null) p.connection.closeIfStalled(limit);
            if (p.teaching != null) reapDashboard(p, limit);
        }
    }

    /**
     * A stalled dashboard: the close frame queues behind the unread update, so the dashboard and the
     * watched run are freed at once, and a socket that has not closed a second later is dropped.
     */
    private void reapDashboard(Peer p, java.time.Duration limit) {
        if (p.reapedNanos != 0) {
            if (System.nanoTime() - p.reapedNanos > 1_000_000_000L) p.connection.socket().disconnect();
            return;
        }
        if (!p.dashboardStalled(limit)) return;
        p.reapedNanos = System.nanoTime();
        p.teaching.removeDashboard(p);
        stopWatching(p);
        p.connection.close(Connection.POLICY_VIOLATION, "class updates not read for " + limit.toSeconds() + " s");
    }

    /** Closes every room socket (server stopping). */
    void closeAll() {
        for (Peer p : peers.values()) p.connection.close(1001, "server stopping");
    }

    /** Closes every room socket with {@code code} (a draining server: 1012, its pages reconnect). */
    void closeAll(int code, String reason) {
        for (Peer p : peers.values()) p.connection.close(code, reason);
    }

    private static Map<Class<?>, String> typeNames() {
        Map<Class<?>, String> names = new HashMap<>();
        for (JsonSubTypes.Type t : ClientMessage.class.getAnnotation(JsonSubTypes.class).value()) names.put(t.value(), t.name());
        return names;
    }
}
