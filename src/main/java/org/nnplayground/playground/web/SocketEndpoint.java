package org.nnplayground.playground.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.websocket.WsCloseContext;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsConnectContext;
import io.javalin.websocket.WsMessageContext;
import org.nnplayground.playground.session.SessionRegistry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The WebSocket endpoint: one session per socket. Parses and checks each message (size, rate,
 * shape, type, values), hands it to the session and answers errors in the protocol's words; never
 * trains on the socket thread. Pings keep healthy sockets alive through proxies; sockets whose
 * client stopped taking frames while playing are closed ({@link #reapStalled()}).
 */
final class SocketEndpoint {
    private static final Logger LOG = Logger.getLogger(SocketEndpoint.class.getName());
    private static final int TRY_AGAIN_LATER = 1013;
    /** Also the class-room socket's ping interval. */
    static final long PING_SECONDS = 15;

    private final SessionRegistry registry;
    private final ServerConfig config;
    private final ObjectMapper mapper;
    private final Map<String, Connection> connections = new ConcurrentHashMap<>();
    private final SavedRuns runs;
    private final MessageGate gate;
    private final CsvUploads uploads;
    /** Who a socket's client is (the per-address session limit), proxies taken into account. */
    private final ClientAddress clients;

    private final Failover failover;

    SocketEndpoint(SessionRegistry registry, ServerConfig config, ObjectMapper mapper, SavedRuns runs, Failover failover, CsvUploads uploads) {
        this.failover = failover;
        this.registry = registry;
        this.config = config;
        this.mapper = mapper;
        this.runs = runs;
        this.gate = new MessageGate(config, mapper);
        this.uploads = uploads;
        this.clients = ClientAddress.trusting(config.trustedProxies());
    }

    void configure(WsConfig ws) {
        ws.onConnect(this::connect);
        ws.onMessage(this::message);
        ws.onBinaryMessage(ctx -> {
            Connection c = connections.get(ctx.sessionId());
            if (c != null) gate.refuseBinary(c);
        });
        ws.onClose(this::closed);
        ws.onError(ctx -> release(ctx.sessionId()));
    }

    private void connect(WsConnectContext ctx) {
        Connection c = new Connection(ctx.session, mapper.writerFor(ServerMessage.class), clients.of(ctx),
                new RateLimiter(config.messagesPerSecond()));
        try {
            c.attach(registry.open(c.address(), c));
            connections.put(ctx.sessionId(), c);
            ctx.enableAutomaticPings(PING_SECONDS, TimeUnit.SECONDS);
            failover.opened(c);
        } catch (SessionRegistry.LimitException full) {
            c.send(new ServerMessage.Error(full.getMessage(), null));
            ctx.closeSession(TRY_AGAIN_LATER, "server busy");
        }
    }

    private void message(WsMessageContext ctx) {
        Connection c = connections.get(ctx.sessionId());
        if (c == null) return;
        try {
            handle(c, ctx.message());
        } catch (RuntimeException e) {
            // one bad message must never close the socket with Java internals
            LOG.log(Level.WARNING, "message failed", e);
            c.send(new ServerMessage.Error("the server could not handle this message", null));
        }
    }

    private void handle(Connection c, String text) {
        ClientMessage m = gate.admit(c, text);
        if (m == null) return;
        try {
            if (m instanceof ClientMessage.RunRequest r) r.applyTo(c, runs);
            else if (m instanceof ClientMessage.UploadRequest u) u.applyTo(c, uploads);
            else if (m instanceof ClientMessage.Resume r) failover.resume(c, r.token());
            else m.applyTo(c.session());
        } catch (IllegalArgumentException e) {
            c.send(new ServerMessage.Error(e.getMessage(), null));
        }
    }

    private void closed(WsCloseContext ctx) {
        Connection c = connections.get(ctx.sessionId());
        if (c != null) failover.closed(c.session(), ctx.status());
        release(ctx.sessionId());
    }

    /** Frees the session of a closed or failed socket (a vanished browser included). */
    private void release(String id) {
        Connection c = connections.remove(id);
        if (c != null && c.session() != null) registry.close(c.address(), c.session());
    }

    /**
     * Closes the sockets of clients that have not taken a frame for the stall timeout while their
     * session plays or steps: their slot is freed for someone else. Called every few seconds.
     */
    void reapStalled() {
        for (Connection c : connections.values()) c.closeIfStalled(config.stallTimeout());
    }

    /** Open sockets. */
    int open() { return connections.size(); }

    /** Tests only: drops every socket without a close frame, as a killed server would. */
    void dropAll() {
        for (Connection c : connections.values()) c.socket().disconnect();
    }

    /** Closes every socket with {@code code} and {@code reason} (a draining server: 1012, "reconnect"). */
    void closeAll(int code, String reason) {
        for (Connection c : connections.values()) c.close(code, reason);
    }

    /** Closes every socket with "going away" (server stopping); sessions are freed by the close events. */
    void closeAll() {
        for (Connection c : connections.values()) c.close(1001, "server stopping");
    }

}
