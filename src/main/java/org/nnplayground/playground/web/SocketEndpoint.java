package org.nnplayground.playground.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.websocket.WsConnectContext;
import org.nnplayground.playground.session.SessionRegistry;

/**
 * The playground socket ({@code /ws}): one session per socket. Hands each checked message to the
 * session (never training on the socket thread); sockets whose client stopped taking frames while
 * playing are closed ({@link #reapStalled()}).
 */
final class SocketEndpoint extends SocketBase<SocketEndpoint.Player> {
    private static final int TRY_AGAIN_LATER = 1013;

    private final SessionRegistry registry;
    private final SavedRuns runs;
    private final CsvUploads uploads;
    private final Failover failover;

    /** A playground page's socket. */
    record Player(Connection connection) implements SocketBase.Peer {}

    SocketEndpoint(SessionRegistry registry, ServerConfig config, ObjectMapper mapper, SavedRuns runs, Failover failover, CsvUploads uploads) {
        super(config, mapper);
        this.registry = registry;
        this.runs = runs;
        this.failover = failover;
        this.uploads = uploads;
    }

    @Override
    Player open(WsConnectContext ctx, Connection c) {
        try {
            c.attach(registry.open(c.address(), c));
        } catch (SessionRegistry.LimitException full) {
            c.send(new ServerMessage.Error(full.getMessage(), null));
            ctx.closeSession(TRY_AGAIN_LATER, "server busy");
            return null;
        }
        failover.opened(c);
        return new Player(c);
    }

    @Override
    void handle(Player p, ClientMessage m) {
        Connection c = p.connection();
        m.dispatch(new MessageHandler() {
            public void load(ClientMessage.Load m) { c.session().load(m.linkText()); }

            public void command(ClientMessage.SessionCommand m) { m.applyTo(c.session()); }

            public void loadCsv(ClientMessage.LoadCsv m) { m.applyTo(c, uploads); }

            public void save(ClientMessage.Save m) { runs.save(c); }

            public void loadRun(ClientMessage.LoadRun m) { runs.load(c, m.id()); }

            public void resume(ClientMessage.Resume m) { failover.resume(c, m.token()); }

            public void room(ClientMessage.RoomRequest m) {
                throw new IllegalArgumentException("this message is for a room: connect to /ws/room");
            }
        });
    }

    @Override
    void closing(Player p, int status) { failover.closed(p.connection().session(), status); }

    /** Frees the session of a closed or failed socket (a vanished browser included). */
    @Override
    void release(Player p) {
        Connection c = p.connection();
        if (c.session() != null) registry.close(c.address(), c.session());
    }

    /**
     * Closes the sockets of clients that have not taken a frame for the stall timeout while their
     * session plays or steps: their slot is freed for someone else. Called every few seconds.
     */
    void reapStalled() {
        for (Player p : peers.values()) p.connection().closeIfStalled(config.stallTimeout());
    }
}
