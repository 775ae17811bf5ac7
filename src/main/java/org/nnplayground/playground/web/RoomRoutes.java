package org.nnplayground.playground.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import org.nnplayground.playground.room.LocalRoomEvents;
import org.nnplayground.playground.room.BackgroundRoomStore;
import org.nnplayground.playground.room.RoomStore;
import org.nnplayground.playground.store.Database;
import org.nnplayground.playground.store.JdbcRoomStore;
import org.nnplayground.playground.room.Room;
import org.nnplayground.playground.room.RoomEvents;
import org.nnplayground.playground.room.RoomException;
import org.nnplayground.playground.room.Replica;
import org.nnplayground.playground.room.Rooms;
import org.nnplayground.playground.store.PgRoomEvents;
import org.nnplayground.playground.session.SessionRegistry;
import org.nnplayground.playground.view.DashboardPage;
import org.nnplayground.playground.view.QrSvg;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rooms over HTTP (docs/protocol.md, "Rooms"): create a room, join one, the class
 * report, teacher actions, the dashboard page, and the room socket. Teacher requests carry the
 * key in the {@code X-Teacher-Key} header (or {@code key} query parameter for the report link):
 * wrong or missing, 403 and nothing changes.
 */
final class RoomRoutes implements AutoCloseable {
    static final String KEY_HEADER = "X-Teacher-Key";
    /** The largest body of a room route: a few short fields, or one teacher message. */
    private static final int MAX_BODY_BYTES = 16 * 1024;

    private final Rooms rooms;
    /** Stops the events between servers (nothing to stop for one server alone). */
    private final AutoCloseable closeEvents;
    /** The other replicas (null: this server alone). */
    private final ReplicaLinks replicas;
    private final RoomSocket socket;
    private final ObjectMapper mapper;
    private final MessageGate gate;
    private final JoinAddress joinAddress;
    private final String dashboard = DashboardPage.html();

    RoomRoutes(SessionRegistry sessions, ServerConfig config, ObjectMapper mapper, SavedRuns runs, Database database,
               org.nnplayground.playground.session.Checkpoints checkpoints, CsvUploads uploads) {
        RoomEvents events;
        RoomStore store;
        Replica replica;
        if (database.shared()) {
            // several servers may share this PostgreSQL: rooms span them (docs/architecture.md, "Several servers")
            PgRoomEvents pg = new PgRoomEvents(database, config.cluster().replicaId());
            events = pg;
            this.closeEvents = pg;
            store = new BackgroundRoomStore(() -> JdbcRoomStore.shared(database), true, true);
            replica = new Replica(config.cluster().replicaId(), true, checkpoints, config.cluster().checkpointEvery());
        } else {
            events = new LocalRoomEvents();
            this.closeEvents = () -> {};
            // rooms live in the saved-runs database (opened on the first room, restored at start when it exists)
            store = new BackgroundRoomStore(() -> JdbcRoomStore.on(database), database.exists());
            // one server, but its room students' runs are checkpointed as its solo pages' are: a restarted
            // server resumes them where they were (not from their last link)
            replica = new Replica(config.cluster().replicaId(), false, checkpoints, config.cluster().checkpointEvery());
        }
        this.rooms = new Rooms(sessions, events, store, config.rooms(), replica);
        if (events instanceof PgRoomEvents pg) pg.onReconnect(rooms::resync);
        this.replicas = database.shared() ? new ReplicaLinks(database, config.cluster().replicaId()) : null;
        this.socket = new RoomSocket(rooms, events, config, mapper, runs, uploads, replicas);
        this.mapper = mapper;
        this.gate = new MessageGate(config, mapper);
        this.joinAddress = new JoinAddress(config.publicUrl());
    }

    /** Adds the routes; the room socket accepts the same page origins as /ws. */
    void register(JavalinConfig cfg, OriginPolicy origins) {
        cfg.routes.wsBeforeUpgrade("/ws/room", ctx -> {
            if (!origins.allows(ctx.header("Origin"), ctx.header("Host"))) {
                throw new io.javalin.http.ForbiddenResponse("this page's origin may not open class-room sockets");
            }
        });
        cfg.routes.post("/api/rooms", this::create);
        cfg.routes.post("/api/rooms/{code}/students", this::join);
        cfg.routes.get("/api/rooms/{code}/report.csv", this::report);
        cfg.routes.get("/api/rooms/{code}/qr.svg", this::qr);
        cfg.routes.post("/api/rooms/{code}/actions", this::action);
        cfg.routes.get("/teach", ctx -> ctx.html(dashboard));
        cfg.routes.ws("/ws/room", socket::configure);
    }

    /** {@code POST /api/rooms} {"exercise": link (optional)} -> 201 {code, joinUrl, teacherUrl}; 429 after --rooms-per-hour from one address. */
    private void create(Context ctx) {
        handle(ctx, () -> {
            JsonNode body = body(ctx);
            Rooms.Created room = rooms.create(body.path("exercise").isTextual() ? body.get("exercise").asText() : null, ctx.ip());
            String base = ctx.scheme() + "://" + ctx.host();
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("code", room.code());
            out.put("joinUrl", joinAddress.joinUrl(ctx.scheme(), ctx.header("Host"), room.code()));   // as the dashboard shows it
            out.put("teacherUrl", base + "/teach?room=" + room.code() + "#key=" + URLEncoder.encode(room.teacherKey(), StandardCharsets.UTF_8));
            ctx.status(201).contentType("application/json").result(mapper.writeValueAsString(out));
        });
    }

    /** {@code POST /api/rooms/{code}/students} {"name": ...} -> 201 {code, studentId, token, name}. */
    private void join(Context ctx) {
        handle(ctx, () -> {
            JsonNode body = body(ctx);
            Rooms.Joined j = rooms.join(ctx.pathParam("code"), body.path("name").asText(""), ctx.ip());
            ctx.status(201).contentType("application/json").result(mapper.writeValueAsString(j));
        });
    }

    /**
     * {@code GET /api/rooms/{code}/qr.svg} -> the room's join link as a QR code. No teacher key: the
     * link is what the projector shows the whole class, and it encodes only what was asked for (a
     * well-formed code, whether or not the room exists), so it tells a code-guesser nothing.
     */
    private void qr(Context ctx) {
        handle(ctx, () -> {
            String code = ctx.pathParam("code").toUpperCase(java.util.Locale.ROOT);
            if (!code.matches("[A-Z0-9]{6}")) throw new RoomException(RoomException.Kind.BAD_REQUEST, "a class code has 6 letters and digits");
            ctx.header("Cache-Control", "no-store");
            ctx.contentType("image/svg+xml").result(QrSvg.of(joinAddress.joinUrl(ctx.scheme(), ctx.header("Host"), code)));
        });
    }

    /** {@code GET /api/rooms/{code}/report.csv} (teacher key) -> the class report. */
    private void report(Context ctx) {
        handle(ctx, () -> {
            String code = ctx.pathParam("code");
            String report = rooms.endedReport(code, key(ctx)); // a class that has ended keeps its report for a while
            if (report == null) {
                Room room = rooms.forTeacher(code, key(ctx), ctx.ip());
                code = room.code();
                report = room.report();
            }
            ctx.header("Content-Disposition", "attachment; filename=\"class-" + code.replaceAll("[^A-Za-z0-9]", "") + ".csv\"");
            ctx.contentType("text/csv; charset=utf-8").result(report);
        });
    }

    /**
     * {@code POST /api/rooms/{code}/actions} (teacher key), body: one teacher message, e.g.
     * {"type":"pauseAll"}; answers what the room socket answers, {@code done}, whose {@code reach}
     * says whom an action for every student reached.
     */
    private void action(Context ctx) {
        handle(ctx, () -> {
            Room room = rooms.forTeacher(ctx.pathParam("code"), key(ctx), ctx.ip());
            ClientMessage m;
            try {
                m = gate.parse(BoundedBody.text(ctx, MAX_BODY_BYTES, "one teacher message"));   // the sockets' words, never Jackson's
            } catch (IllegalArgumentException e) {
                throw new RoomException(RoomException.Kind.BAD_REQUEST, e.getMessage());
            }
            if (!(m instanceof ClientMessage.TeacherRequest action)) {
                throw new RoomException(RoomException.Kind.BAD_REQUEST, "not a teacher action");
            }
            ServerMessage.Done done;
            if (action instanceof ClientMessage.ClassRequest forAll) done = new ServerMessage.Done(action.type(), forAll.reach(room));
            else {
                action.apply(room, rooms);
                done = new ServerMessage.Done(action.type());
            }
            ctx.status(200).contentType("application/json").result(mapper.writeValueAsString(done));
        });
    }

    private interface Handler { void run() throws Exception; }

    /** Runs a request; a refusal answers its status and {"error": message}. */
    private void handle(Context ctx, Handler h) {
        try {
            h.run();
        } catch (RoomException e) {
            ctx.status(switch (e.kind()) {
                case NOT_FOUND -> 404;
                case FORBIDDEN -> 403;
                case FULL -> 409;
                case TOO_MANY_TRIES -> 429;
                case BAD_REQUEST -> 400;
                case UNAVAILABLE -> 503;
                case ENDED -> 410;
            }).json(Map.of("error", e.getMessage()));
        } catch (BoundedBody.TooLarge e) {
            ctx.status(413).json(Map.of("error", e.getMessage()));
        } catch (IllegalArgumentException e) {
            ctx.status(400).json(Map.of("error", e.getMessage()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode body(Context ctx) throws IOException {
        String text = BoundedBody.text(ctx, MAX_BODY_BYTES, "a few short fields");
        if (text.isBlank()) return mapper.createObjectNode();
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new RoomException(RoomException.Kind.BAD_REQUEST, "not valid JSON" + MessageGate.where(e));
        }
    }

    private static String key(Context ctx) {
        String k = ctx.header(KEY_HEADER);
        return k != null ? k : ctx.queryParam("key");
    }

    int size() { return rooms.size(); }

    /** How room events reach the other servers: "local" (one server alone), "listening", or "reconnecting" (rooms see only this server's students meanwhile). */
    String eventsState() {
        if (!(closeEvents instanceof PgRoomEvents pg)) return "local";
        return pg.listening() ? "listening" : "reconnecting";
    }

    /** Room events that never reached the other servers (the database stayed away too long); 0 for one server alone. */
    long eventsDropped() { return closeEvents instanceof PgRoomEvents pg ? pg.expired() : 0; }

    void closeSockets() { socket.closeAll(); }

    /** Closes every room socket with {@code code} and {@code reason} (a draining server). */
    void closeSockets(int code, String reason) { socket.closeAll(code, reason); }

    /** Closes room sockets that stopped taking frames (the server's stall reaper calls it every second). */
    void reapStalled() { socket.reapStalled(); }

    /** The server listens now: the other replicas hear where (with several servers). */
    void announce(String host, int port) {
        if (replicas != null) replicas.announce(host, port);
    }

    @Override
    public void close() {
        if (replicas != null) replicas.close();
        rooms.close();
        stopEvents();
    }

    /** Stops at once, as a killed process would (tests of failover): nothing is saved, nothing more is sent. */
    void abort() {
        if (replicas != null) replicas.close();
        stopEvents();
        rooms.abort();
    }

    private void stopEvents() {
        try {
            closeEvents.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
