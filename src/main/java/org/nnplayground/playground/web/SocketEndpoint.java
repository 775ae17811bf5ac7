package org.nnplayground.playground.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import io.javalin.websocket.WsCloseContext;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsConnectContext;
import io.javalin.websocket.WsContext;
import io.javalin.websocket.WsMessageContext;
import org.nnplayground.playground.session.Session;
import org.nnplayground.playground.session.SessionRegistry;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The WebSocket endpoint: one session per socket. Parses and checks each message (size, rate,
 * shape, type, values), hands it to the session and answers errors in the protocol's words; never
 * trains on the socket thread. Pings keep healthy sockets alive through proxies; sockets whose
 * client stopped taking frames while playing are closed ({@link #reapStalled()}).
 */
final class SocketEndpoint {
    private static final Logger LOG = Logger.getLogger(SocketEndpoint.class.getName());
    private static final int TRY_AGAIN_LATER = 1013;
    private static final long PING_SECONDS = 15;
    /** The acknowledgement as web/js/protocol.js writes it (other spellings are parsed as usual). */
    private static final String ACK = "{\"type\":\"ack\"}";

    private final SessionRegistry registry;
    private final ServerConfig config;
    private final ObjectMapper mapper;
    private final Map<String, Connection> connections = new ConcurrentHashMap<>();
    private final SavedRuns runs;

    SocketEndpoint(SessionRegistry registry, ServerConfig config, ObjectMapper mapper, SavedRuns runs) {
        this.registry = registry;
        this.config = config;
        this.mapper = mapper;
        this.runs = runs;
    }

    void configure(WsConfig ws) {
        ws.onConnect(this::connect);
        ws.onMessage(this::message);
        ws.onBinaryMessage(ctx -> {
            Connection c = connections.get(ctx.sessionId());
            if (c != null) c.send(new ServerMessage.Error("binary messages are not accepted; send JSON text", null));
        });
        ws.onClose(this::closed);
        ws.onError(ctx -> release(ctx.sessionId()));
    }

    private void connect(WsConnectContext ctx) {
        Connection c = new Connection(ctx.session, mapper.writerFor(ServerMessage.class), addressOf(ctx),
                new RateLimiter(config.messagesPerSecond()));
        try {
            c.attach(registry.open(c.address(), c));
            connections.put(ctx.sessionId(), c);
            ctx.enableAutomaticPings(PING_SECONDS, TimeUnit.SECONDS);
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
        if (text.equals(ACK)) { // the page's exact ack, once per frame: no JSON parsing needed
            c.ack();
            return;
        }
        // acknowledgements come once per frame, so they are not counted against the message rate
        boolean maybeAck = text.length() < 64 && text.contains("ack");
        if (!maybeAck && !c.limiter().tryAcquire()) {
            c.sendRateLimited("too many messages: at most " + config.messagesPerSecond() + " per second");
            return;
        }
        if (text.length() > config.maxCsvBytes()) {
            c.send(new ServerMessage.Error("message too large (" + text.length() + " bytes)", null));
            return;
        }
        // a big message (a CSV) costs milliseconds to parse on this socket thread: one a second
        if (text.length() > config.maxMessageBytes() && !c.uploads().tryAcquire()) {
            c.send(new ServerMessage.Error("one CSV upload a second at most; wait for the answer to the last one", "loadCsv"));
            return;
        }
        ClientMessage m;
        try {
            m = parse(text);
        } catch (IllegalArgumentException e) {
            c.send(new ServerMessage.Error(e.getMessage(), null));
            return;
        }
        if (m instanceof ClientMessage.Ack) {
            c.ack();
            return;
        }
        if (maybeAck && !c.limiter().tryAcquire()) {
            c.sendRateLimited("too many messages: at most " + config.messagesPerSecond() + " per second");
            return;
        }
        if (!(m instanceof ClientMessage.LoadCsv) && text.length() > config.maxMessageBytes()) {
            c.send(new ServerMessage.Error("message too large (" + text.length() + " bytes, at most " + config.maxMessageBytes() + ")", null));
            return;
        }
        try {
            if (m instanceof ClientMessage.RunRequest r) r.applyTo(c, runs);
            else m.applyTo(c.session());
        } catch (IllegalArgumentException e) {
            c.send(new ServerMessage.Error(e.getMessage(), null));
        }
    }

    /** A JSON object with a known {@code type}, or an IllegalArgumentException that says what is wrong in the protocol's words. */
    private ClientMessage parse(String text) {
        JsonNode tree;
        try {
            tree = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON" + where(e));
        }
        if (tree == null || !tree.isObject()) {
            throw new IllegalArgumentException("a message must be a JSON object with a 'type' field, e.g. {\"type\":\"play\"}");
        }
        JsonNode type = tree.get("type");
        if (type == null || !type.isTextual()) throw new IllegalArgumentException("missing message type: add a 'type' field, e.g. \"type\":\"play\"");
        try {
            return mapper.treeToValue(tree, ClientMessage.class);
        } catch (InvalidTypeIdException e) {
            throw new IllegalArgumentException("unknown message type '" + type.asText() + "'");
        } catch (JsonMappingException e) {
            throw new IllegalArgumentException("malformed '" + type.asText() + "' message: " + fieldOf(e) + " has the wrong kind of value");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("malformed '" + type.asText() + "' message");
        }
    }

    /** The offending field's name (its path), never a Java type. */
    private static String fieldOf(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()))
                .collect(Collectors.joining("."));
        return path.isEmpty() ? "a field" : "field '" + path + "'";
    }

    private static String where(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    private void closed(WsCloseContext ctx) { release(ctx.sessionId()); }

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
        long limit = config.stallTimeout().toNanos();
        for (Connection c : connections.values()) {
            Session s = c.session();
            boolean working = s != null && (s.isStepping() || s.state() == org.nnplayground.playground.session.SessionState.PLAYING);
            if (working && c.stalledNanos() > limit) {
                c.close(Connection.POLICY_VIOLATION, "no frame taken for " + config.stallTimeout().toSeconds() + " s");
            }
        }
    }

    /** Open sockets. */
    int open() { return connections.size(); }

    /** Closes every socket with "going away" (server stopping); sessions are freed by the close events. */
    void closeAll() {
        for (Connection c : connections.values()) c.close(1001, "server stopping");
    }

    private static String addressOf(WsContext ctx) {
        SocketAddress a = ctx.session.getRemoteSocketAddress();
        return a instanceof InetSocketAddress inet ? inet.getAddress().getHostAddress() : String.valueOf(a);
    }
}
