package org.nnplayground.playground.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.javalin.websocket.WsCloseContext;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsConnectContext;
import io.javalin.websocket.WsMessageContext;
import org.nnplayground.playground.room.RoomException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * What the playground socket ({@code /ws}) and the class-room socket ({@code /ws/room}) share: one
 * peer per open socket, every text message through one {@link MessageGate} (rate, size, parsing),
 * refusals in the protocol's words (never Java's), pings that keep healthy sockets alive through
 * proxies, and closing them all. A subclass says what a new socket is ({@link #open}), what each
 * message does ({@link #handle}) and what a closed socket frees ({@link #release}).
 */
abstract class SocketBase<P extends SocketBase.Peer> {
    private static final Logger LOG = LoggerFactory.getLogger(SocketBase.class);
    static final long PING_SECONDS = 15;

    /** One socket's state: its connection at least. */
    interface Peer {
        Connection connection();
    }

    final ServerConfig config;
    final ObjectWriter writer;
    /** Open sockets by their id. */
    final Map<String, P> peers = new ConcurrentHashMap<>();
    private final MessageGate gate;
    /** Who a socket's client is (per-address limits), proxies taken into account. */
    private final ClientAddress clients;

    SocketBase(ServerConfig config, ObjectMapper mapper) {
        this.config = config;
        this.writer = mapper.writerFor(ServerMessage.class);
        this.gate = new MessageGate(config, mapper);
        this.clients = ClientAddress.trusting(config.trustedProxies());
    }

    /** Registers this socket's handlers on its path. */
    final void configure(WsConfig ws) {
        ws.onConnect(this::connect);
        ws.onMessage(this::message);
        ws.onBinaryMessage(ctx -> {
            P p = peers.get(ctx.sessionId());
            if (p != null) gate.refuseBinary(p.connection());
        });
        ws.onClose(this::closed);
        ws.onError(ctx -> released(ctx.sessionId()));
    }

    /** A new socket's peer, or null when it is refused (then {@code open} has said why and closed it). */
    abstract P open(WsConnectContext ctx, Connection c);

    /** Acts on one admitted message; an IllegalArgumentException or RoomException is answered as an error. */
    abstract void handle(P peer, ClientMessage m);

    /** Frees what a closed or failed socket held (called once per socket). */
    abstract void release(P peer);

    /** A socket closed by either side, before {@link #release}: its close status. */
    void closing(P peer, int status) {}

    private void connect(WsConnectContext ctx) {
        Connection c = new Connection(ctx.session, writer, clients.of(ctx), new RateLimiter(config.messagesPerSecond()));
        P p = open(ctx, c);
        if (p == null) return;
        peers.put(ctx.sessionId(), p);
        ctx.enableAutomaticPings(PING_SECONDS, TimeUnit.SECONDS);
    }

    private void message(WsMessageContext ctx) {
        P p = peers.get(ctx.sessionId());
        if (p == null) return;
        Connection c = p.connection();
        ClientMessage m = null;
        try {
            m = gate.admit(c, ctx.message());
            if (m != null) handle(p, m);
        } catch (IllegalArgumentException | RoomException e) {
            c.send(new ServerMessage.Error(e.getMessage(), m == null ? null : m.type()));
        } catch (RuntimeException e) {
            // one bad message must never close the socket with Java internals
            LOG.warn("message failed", e);
            c.send(new ServerMessage.Error("the server could not handle this message", m == null ? null : m.type()));
        }
    }

    private void closed(WsCloseContext ctx) {
        P p = peers.get(ctx.sessionId());
        if (p != null) closing(p, ctx.status());
        released(ctx.sessionId());
    }

    private void released(String id) {
        P p = peers.remove(id);
        if (p != null) release(p);
    }

    /** Open sockets. */
    final int open() { return peers.size(); }

    /** Closes every socket with {@code code} and {@code reason} (a draining server: 1012, "reconnect"). */
    final void closeAll(int code, String reason) {
        for (P p : peers.values()) p.connection().close(code, reason);
    }

    /** Closes every socket with "going away" (server stopping); what they held is freed by the close events. */
    final void closeAll() { closeAll(1001, "server stopping"); }

    /** Tests only: drops every socket without a close frame, as a killed server would. */
    final void dropAll() {
        for (P p : peers.values()) p.connection().socket().disconnect();
    }
}
