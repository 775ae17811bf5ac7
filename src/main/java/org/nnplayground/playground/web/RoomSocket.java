package org.nnplayground.playground.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.websocket.WsConnectContext;
import org.eclipse.jetty.websocket.api.Callback;
import org.nnplayground.playground.room.Dashboard;
import org.nnplayground.playground.room.Room;
import org.nnplayground.playground.room.RoomEvent;
import org.nnplayground.playground.room.RoomEvents;
import org.nnplayground.playground.room.RoomException;
import org.nnplayground.playground.room.Rooms;
import org.nnplayground.playground.room.RosterUpdate;
import org.nnplayground.playground.session.Session;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The class-room WebSocket ({@code /ws/room}). A socket becomes a student's ({@code resume} with
 * the token from joining: their own session, which outlives the socket for the grace period) or a
 * teacher's ({@code teach} with code and key: dashboard updates, teacher actions, read-only
 * {@code watch} of one run, which {@link WatchedRun} keeps). Anything else is refused with an error; nothing changes.
 */
final class RoomSocket extends SocketBase<RoomSocket.RoomPeer> {
    private final Rooms rooms;
    private final RoomEvents events;
    private final SavedRuns runs;
    private final CsvUploads uploads;
    private final JoinAddress joinAddress;
    /** The other replicas, to watch a run that trains on one of them (null: this server alone). */
    private final ReplicaLinks replicas;

    RoomSocket(Rooms rooms, RoomEvents events, ServerConfig config, ObjectMapper mapper, SavedRuns runs, CsvUploads uploads,
               ReplicaLinks replicas) {
        super(config, mapper);
        this.replicas = replicas;
        this.uploads = uploads;
        this.runs = runs;
        this.rooms = rooms;
        this.events = events;
        this.joinAddress = new JoinAddress(config.publicUrl());
    }

    /** One socket's role: nothing yet, a student (membership), or a teacher (room, dashboard, watched run). */
    final class RoomPeer implements Dashboard, SocketBase.Peer {
        final Connection connection;
        final AtomicBoolean writing = new AtomicBoolean();
        /** When the dashboard update now in flight was handed to the socket (ns). */
        volatile long writeStartedNanos;
        /** When the reaper closed this teacher's socket for a stalled dashboard (ns), 0 before. */
        long reapedNanos;
        Rooms.Membership member;
        AutoCloseable subscription;
        Room teaching;
        /** The teacher's read-only view of a student's run (null: not a teacher). */
        WatchedRun view;
        final RoleDeadline deadline = new RoleDeadline();
        /** The scheme and Host header the page opened this socket with (the join link starts from them). */
        String scheme = "http", host;

        RoomPeer(Connection connection) { this.connection = connection; }

        @Override
        public Connection connection() { return connection; }

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
        boolean dashboardStalled(Duration limit) {
            return writing.get() && System.nanoTime() - writeStartedNanos > limit.toNanos();
        }
    }

    @Override
    RoomPeer open(WsConnectContext ctx, Connection c) {
        RoomPeer p = new RoomPeer(c);
        p.host = ctx.header("Host");
        if (ctx.session.getUpgradeRequest().isSecure()) p.scheme = "https";
        return p;
    }

    @Override
    void handle(RoomPeer p, ClientMessage m) {
        Connection c = p.connection;
        m.dispatch(new MessageHandler() {
            public void load(ClientMessage.Load m) { student(p, m).load(p.member.room().enforce(m.linkText())); }

            public void command(ClientMessage.SessionCommand m) {
                // every page tells on connect whether its course views are open: a teacher's read-only view
                // has none (they would be the student's), so that greeting is no edit and no error toast
                if ((m instanceof ClientMessage.Insights || m instanceof ClientMessage.WeightImages) && p.member == null && p.teaching != null) return;
                m.applyTo(student(p, m));
            }

            public void loadCsv(ClientMessage.LoadCsv m) {
                student(p, m);
                m.applyTo(c, uploads);
            }

            public void save(ClientMessage.Save m) {
                student(p, m);
                runs.save(c);
            }

            public void loadRun(ClientMessage.LoadRun m) {
                student(p, m);
                throw new IllegalArgumentException("open saved runs outside the class: leave it first");
            }

            public void resume(ClientMessage.Resume m) { RoomSocket.this.resume(p, m); }

            public void room(ClientMessage.RoomRequest m) { m.dispatch(teacherOrMember(p)); }
        });
    }

    /** A playground message's session: only a student's socket has one, and the exercise's locks apply. */
    private static Session student(RoomPeer p, ClientMessage m) {
        if (p.member == null) {
            throw new IllegalArgumentException(p.teaching != null ? "this view is read-only" : "join a class first (send 'resume' with your token)");
        }
        Session s = p.member.session();
        if (s == null) throw new IllegalArgumentException("your session has ended; reload the page");
        String refusal = p.member.room().refusal(m.type(), m.settingKey());
        if (refusal != null) throw new IllegalArgumentException(refusal);
        return s;
    }

    /** A student's socket takes their place back (the token from joining). */
    private void resume(RoomPeer p, ClientMessage.Resume resume) {
        Connection c = p.connection;
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
        if (m.resumed() != null) {
            Room.Resumed r = m.resumed();
            c.send(new ServerMessage.Resumed(r.epoch(), r.lostSeconds(), r.offlineSeconds(), r.from()));
        }
        var chart = m.chart();
        if (chart.epochs().length > 0) c.send(new ServerMessage.Chart(chart.epochs(), chart.train(), chart.test()));
        m.start();
    }

    /** The class-room messages of a student's or a teacher's socket. */
    private MessageHandler.Room teacherOrMember(RoomPeer p) {
        Connection c = p.connection;
        return new MessageHandler.Room() {
            public void leave(ClientMessage.LeaveRoom m) {
                if (p.member == null) throw new IllegalArgumentException("you are not in a class");
                closeSubscription(p);
                p.member.leave();
                p.member = null;
                c.send(new ServerMessage.RoomClosed("you left the class", "left"));
            }

            public void teach(ClientMessage.Teach teach) {
                if (p.member != null || p.teaching != null) throw new IllegalArgumentException("this socket already has a role");
                Room room = teacherRoom(c, teach);
                if (room == null) return;
                WatchedRun view = new WatchedRun(c, room, teach.key(), replicas);
                p.teaching = room;
                p.view = view;
                if (teach.wantsDashboard()) room.addDashboard(p);
                p.subscription = events.subscribe(room.code(), e -> {
                    if (e instanceof RoomEvent.Closed) c.send(new ServerMessage.RoomClosed("the class is closed", "closed"));
                    // the watched run moved to another server (a failover, a reconnect): the view follows it
                    if (e instanceof RoomEvent.Attached a) view.moved(a.studentId());
                });
                c.send(new ServerMessage.Teaching(room.code(), room.size(), joinAddress.joinUrl(p.scheme, p.host, room.code())));
            }

            public void watch(ClientMessage.Watch watch) {
                if (p.teaching == null) throw new RoomException(RoomException.Kind.FORBIDDEN, "only the teacher can open a student's run");
                p.view.watch(watch.studentId());
            }

            public void classView(ClientMessage.ClassView m) {
                if (p.teaching == null) throw new RoomException(RoomException.Kind.FORBIDDEN, "only the teacher's dashboard shows the class view");
                p.teaching.showClassView(p, m.on());
            }

            public void teacher(ClientMessage.TeacherRequest action) {
                if (p.teaching == null) throw new RoomException(RoomException.Kind.FORBIDDEN,
                        "only the teacher can do that (send 'teach' with the teacher key first)");
                if (action instanceof ClientMessage.ClassRequest forAll) {
                    c.send(new ServerMessage.Done(action.type(), forAll.reach(p.teaching)));
                    return;
                }
                action.apply(p.teaching, rooms);
                c.send(new ServerMessage.Done(action.type()));
            }
        };
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
    private void studentEvent(RoomPeer p, String studentId, RoomEvent e) {
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

    /** A closed socket: a student's session waits for them; a teacher's dashboard and view end. */
    @Override
    void release(RoomPeer p) {
        closeSubscription(p);
        if (p.member != null) p.member.detach(p.connection);
        if (p.teaching != null) {
            p.teaching.removeDashboard(p);
            p.view.stop();
        }
    }

    private static void closeSubscription(RoomPeer p) {
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
        Duration limit = config.stallTimeout();
        for (RoomPeer p : peers.values()) {
            p.deadline.closeIfLate(p.connection, p.member != null || p.teaching != null);
            if (p.member != null || p.view != null && p.view.watchesHere()) p.connection.closeIfStalled(limit);
            if (p.teaching != null) reapDashboard(p, limit);
        }
    }

    /**
     * A stalled dashboard: the close frame queues behind the unread update, so the dashboard and the
     * watched run are freed at once, and a socket that has not closed a second later is dropped.
     */
    private void reapDashboard(RoomPeer p, Duration limit) {
        if (p.reapedNanos != 0) {
            if (System.nanoTime() - p.reapedNanos > 1_000_000_000L) p.connection.socket().disconnect();
            return;
        }
        if (!p.dashboardStalled(limit)) return;
        p.reapedNanos = System.nanoTime();
        p.teaching.removeDashboard(p);
        p.view.stop();
        p.connection.close(Connection.POLICY_VIOLATION, "class updates not read for " + limit.toSeconds() + " s");
    }
}
