package org.nnplayground.playground.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.nnplayground.playground.session.SessionRegistry;
import org.nnplayground.playground.session.SessionScheduler;
import org.nnplayground.playground.view.PlaygroundPage;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The app factory: builds the Javalin server with its routes, the session registry and the trainer
 * scheduler, and starts it. Tests start one on port 0 and stop it; {@link #stop()} is graceful.
 */
public final class PlaygroundServer implements AutoCloseable {
    private static final long STOP_TIMEOUT_MS = 3000;

    private final Javalin app;
    private final SessionScheduler scheduler;
    private final SessionRegistry registry;
    private final SocketEndpoint sockets;
    private final RoomRoutes roomRoutes;
    private final long startedAt = System.currentTimeMillis();

    private PlaygroundServer(ServerConfig config) {
        ObjectMapper mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);
        scheduler = new SessionScheduler(config.workers(), config.framesPerSecond());
        registry = new SessionRegistry(scheduler, config.maxSessions(), config.maxSessionsPerAddress(), config.gridEvalSize());
        sockets = new SocketEndpoint(registry, config, mapper);
        roomRoutes = new RoomRoutes(registry, config, mapper);
        String page = PlaygroundPage.html();
        String previews = json(mapper, DatasetPreviews.all());
        app = Javalin.create(cfg -> {
            cfg.jetty.host = config.host();
            cfg.jetty.port = config.port();
            cfg.startup.showJavalinBanner = false;
            cfg.staticFiles.add(files -> {
                files.hostedPath = "/web";
                files.directory = "/web";
                files.location = Location.CLASSPATH;
            });
            cfg.jetty.modifyWebSocketServletFactory(ws -> {
                ws.setMaxTextMessageSize(4L * config.maxCsvBytes());
                ws.setIdleTimeout(config.idleTimeout());
            });
            cfg.jetty.modifyServer(server -> {
                server.setStopTimeout(STOP_TIMEOUT_MS);
                if (server.getHandler() != null) {
                    GracefulHandler graceful = new GracefulHandler();
                    graceful.setHandler(server.getHandler());
                    server.setHandler(graceful);
                }
            });
            cfg.routes.get("/", ctx -> ctx.html(page));
            cfg.routes.get("/health", ctx -> ctx.contentType("application/json").result(mapper.writeValueAsString(health(config))));
            cfg.routes.get("/api/datasets", ctx -> ctx.contentType("application/json").result(previews));
            cfg.routes.ws("/ws", sockets::configure);
            roomRoutes.register(cfg);
        });
    }

    private static String json(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Builds and starts a server. */
    public static PlaygroundServer start(ServerConfig config) {
        PlaygroundServer server = new PlaygroundServer(config);
        server.app.start();
        return server;
    }

    /** The port it listens on (the real one when started on port 0). */
    public int port() { return app.port(); }

    /** Number of open sessions. */
    public int sessions() { return registry.size(); }

    /** Closes every socket properly, stops Jetty gracefully and the trainer threads. */
    public void stop() {
        sockets.closeAll();
        roomRoutes.closeSockets();
        app.stop();
        roomRoutes.close();
        scheduler.close();
    }

    @Override
    public void close() { stop(); }

    private Map<String, Object> health(ServerConfig config) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("status", "ok");
        h.put("sessions", registry.size());
        h.put("maxSessions", config.maxSessions());
        h.put("playing", scheduler.playingCount());
        h.put("uptimeSeconds", (System.currentTimeMillis() - startedAt) / 1000);
        h.put("version", PlaygroundServer.class.getPackage().getImplementationVersion());
        return h;
    }
}
