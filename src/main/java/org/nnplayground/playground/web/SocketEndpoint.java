package org.nnplayground.playground.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.javalin.websocket.WsCloseContext;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsConnectContext;
import io.javalin.websocket.WsContext;
import io.javalin.websocket.WsMessageContext;
import org.nnplayground.playground.session.SessionRegistry;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The WebSocket endpoint: one session per socket. Parses and checks each message (size, rate,
 * type, values), hands it to the session and answers errors; never trains on the socket thread.
 */
final class SocketEndpoint {
    private static final int TRY_AGAIN_LATER = 1013;

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
        } catch (SessionRegistry.LimitException full) {
            c.send(new ServerMessage.Error(full.getMessage(), null));
            ctx.closeSession(TRY_AGAIN_LATER, "server busy");
        }
    }

    private void message(WsMessageContext ctx) {
        Connection c = connections.get(ctx.sessionId());
        if (c == null) return;
        String text = ctx.message();
        if (!c.limiter().tryAcquire()) {
            c.send(new ServerMessage.Error("too many messages: at most " + config.messagesPerSecond() + " per second", null));
            return;
        }
        if (text.length() > config.maxCsvBytes()) {
            c.send(new ServerMessage.Error("message too large (" + text.length() + " bytes)", null));
            return;
        }
        ClientMessage m;
        try {
            m = mapper.readValue(text, ClientMessage.class);
        } catch (InvalidTypeIdException e) {
            c.send(new ServerMessage.Error("unknown or missing message type" + typeOf(e), null));
            return;
        } catch (MismatchedInputException e) {
            c.send(new ServerMessage.Error("malformed message: " + e.getOriginalMessage(), null));
            return;
        } catch (JsonProcessingException e) {
            c.send(new ServerMessage.Error("malformed JSON: " + e.getOriginalMessage(), null));
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

    private void closed(WsCloseContext ctx) { release(ctx.sessionId()); }

    /** Frees the session of a closed or failed socket (a vanished browser included). */
    private void release(String id) {
        Connection c = connections.remove(id);
        if (c != null && c.session() != null) registry.close(c.address(), c.session());
    }

    /** Closes every socket with "going away" (server stopping); sessions are freed by the close events. */
    void closeAll() {
        for (Connection c : connections.values()) c.close(1001, "server stopping");
    }

    private static String typeOf(InvalidTypeIdException e) {
        return e.getTypeId() == null ? "" : " '" + e.getTypeId() + "'";
    }

    private static String addressOf(WsContext ctx) {
        SocketAddress a = ctx.session.getRemoteSocketAddress();
        return a instanceof InetSocketAddress inet ? inet.getAddress().getHostAddress() : String.valueOf(a);
    }
}
