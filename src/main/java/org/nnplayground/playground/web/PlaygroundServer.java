package org.nnplayground.playground.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.nnplayground.playground.session.SessionRegistry;
import org.nnplayground.playground.store.Database;
import org.nnplayground.playground.session.SessionScheduler;
import org.nnplayground.playground.view.PlaygroundPage;

import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The app factory: builds the Javalin server with its routes, the session registry and the trainer
 * scheduler, and starts it. Tests start one on port 0 and stop it; {@link #stop()} is graceful.
 */
public final class PlaygroundServer implements AutoCloseable {
    private static final long STOP_TIMEOUT_MS = 3000;
    /** The close a draining server sends every socket: its pages reconnect (to another replica) and resume. */
    private static final int RESTARTING = 1012;
    private static final String RESTARTING_REASON = "server restarting; reconnecting";

    private final Javalin app;
    private final SessionScheduler scheduler;
    private final SessionRegistry registry;
    private final SocketEndpoint sockets;
    private final RoomRoutes roomRoutes;
    private final SavedRuns runs;
    /** The one database of runs and rooms (opened on first use). */
    private final Database database;
    private final CsvUploads uploads;
    private final long startedAt = System.currentTimeMillis();
    private final ScheduledExecutorService reaper;
    private org.eclipse.jetty.ee10.servlet.SessionHandler httpSessions;
    /** Where live runs are saved, so a page resumes after a restart and a drain loses no run. */
    private final org.nnplayground.playground.store.JdbcCheckpoints checkpoints;
    private final Failover failover;
    private final ClusterSettings cluster;
    /** Sessions this server takes at most (--max-sessions). */
    private final int maxSessions;

    private PlaygroundServer(ServerConfig config) {
        ObjectMapper mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true)
                .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);
        scheduler = new SessionScheduler(config.workers(), config.framesPerSecond());
        maxSessions = config.maxSessions();
        registry = new SessionRegistry(scheduler, config.maxSessions(), config.maxSessionsPerAddress(), config.gridEvalSize());
        database = new Database(config.store());
        runs = new SavedRuns(database);
        uploads = new CsvUploads(mapper);
        cluster = config.cluster();
        // on every database: on PostgreSQL a replica may die at any time; on the embedded H2 a single
        // server restarted resumes its pages' runs too, at no measurable cost (docs/benchmarks.md, "Checkpoints")
        checkpoints = new org.nnplayground.playground.store.JdbcCheckpoints(database, 2 * config.maxSessions());
        failover = new Failover(checkpoints, cluster.checkpointEvery());
        sockets = new SocketEndpoint(registry, config, mapper, runs, failover, uploads);
        OriginPolicy origins = new OriginPolicy(config.allowedOrigins(), config.publicUrl());
        SecurityHeaders headers = new SecurityHeaders(config.frameAncestors());
        roomRoutes = new RoomRoutes(registry, config, mapper, runs, database, checkpoints, uploads);
        String page = PlaygroundPage.html();
        String previews = json(mapper, DatasetPreviews.all());
        app = Javalin.create(cfg -> {
            cfg.jetty.host = config.host();
            cfg.jetty.port = config.port();
            cfg.startup.showJavalinBanner = false;
            // ctx.ip() (rooms created, wrong codes, saves) names the client behind a trusted proxy
            cfg.contextResolver.ip = ClientAddress.trusting(config.trustedProxies())::of;
            cfg.staticFiles.add(files -> {
                files.hostedPath = "/web";
                files.directory = "/web";
                files.location = Location.CLASSPATH;
            });
            cfg.jetty.modifyWebSocketServletFactory(ws -> {
                ws.setMaxTextMessageSize(config.maxCsvBytes()); // bigger CSV files go over POST /api/csv
                ws.setIdleTimeout(config.idleTimeout());
            });
            cfg.jetty.modifyServletContextHandler(context -> {
                httpSessions = context.getSessionHandler();
                // every socket (/ws and /ws/room): no Jetty session, no cookie
                context.addFilter(new org.eclipse.jetty.ee10.servlet.FilterHolder(new NoHttpSession()), "/ws/*",
                        EnumSet.of(jakarta.servlet.DispatcherType.REQUEST));
                context.addFilter(new org.eclipse.jetty.ee10.servlet.FilterHolder(new NoHttpSession()), "/ws/room",
                        EnumSet.of(jakarta.servlet.DispatcherType.REQUEST));
            });
            cfg.jetty.modifyServer(server -> {
                server.setStopTimeout(STOP_TIMEOUT_MS);
                server.setErrorHandler(new JettyErrorPages(headers));
                ConnectionBudget.install(server, config.maxConnections(), config.maxConnectionsPerAddress(), ClientAddress.trusting(config.trustedProxies()));
                if (server.getHandler() != null) {
                    GracefulHandler graceful = new GracefulHandler();
                    graceful.setHandler(server.getHandler());
                    server.setHandler(graceful);
                }
            });
            cfg.routes.before(headers::apply);
            cfg.routes.before(new WriteGuard(origins)::apply);
            cfg.routes.wsBeforeUpgrade("/ws", ctx -> { // the rooms check /ws/room the same way (RoomRoutes)
                refuseWhenUnavailable();
                if (!origins.allows(ctx.header("Origin"), ctx.header("Host"))) {
                    throw new io.javalin.http.ForbiddenResponse("this page's origin may not open playground sessions");
                }
            });
            cfg.routes.get("/", ctx -> ctx.html(page));
            // liveness: answers while the process serves HTTP, even when full or draining (readiness is /health)
            // ... but not when an internal thread died: then only a restart helps
            cfg.routes.get("/health/live", ctx -> {
                String failure = internalFailure();
                ctx.status(failure == null ? 200 : 503).contentType("application/json")
                        .result(mapper.writeValueAsString(failure == null ? Map.of("status", "live") : Map.of("status", "failing", "failure", failure)));
            });
            cfg.routes.get("/health", ctx -> {
                Map<String, Object> h = health(config);
                ctx.status("ok".equals(h.get("status")) ? 200 : 503).contentType("application/json").result(mapper.writeValueAsString(h));
            });
            cfg.routes.get("/api/datasets", ctx -> ctx.contentType("application/json").result(previews));
            cfg.routes.ws("/ws", sockets::configure);
            cfg.routes.wsBeforeUpgrade("/ws/room", ctx -> refuseWhenUnavailable());
            roomRoutes.register(cfg, origins);
            RunRoutes.add(cfg.routes, runs, mapper, page);
            uploads.register(cfg.routes, origins);
        });
        reaper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "stall-reaper");
            t.setDaemon(true);
            return t;
        });
        reaper.scheduleWithFixedDelay(sockets::reapStalled, 1, 1, TimeUnit.SECONDS);
        reaper.scheduleWithFixedDelay(roomRoutes::reapStalled, 1, 1, TimeUnit.SECONDS);
    }

    private static String json(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Refuses a socket upgrade with 503 while draining, and, with several servers, while full: a
     * load balancer then tries another replica (nginx: proxy_next_upstream http_503), where a
     * lone server's page would only be told to wait (it accepts the socket and closes it, 1013, saying why).
     */
    private void refuseWhenUnavailable() {
        if (failover.draining()) throw new io.javalin.http.ServiceUnavailableResponse("this server is restarting; connect again");
        if (database.shared() && registry.size() >= maxSessions) {
            throw new io.javalin.http.ServiceUnavailableResponse("this server is full; another one may take you");
        }
    }

    /** Builds and starts a server. */
    public static PlaygroundServer start(ServerConfig config) {
        PlaygroundServer server = new PlaygroundServer(config);
        server.app.start();
        server.roomRoutes.announce(config.host(), server.port());
        return server;
    }

    /** The port it listens on (the real one when started on port 0). */
    public int port() { return app.port(); }

    /** The Jetty server underneath (tests shrink its socket buffers to make a stalled reader stall fast). */
    org.eclipse.jetty.server.Server jetty() { return app.jettyServer().server(); }

    /** The sessions (a test makes their trainer threads busy through them). */
    SessionRegistry registry() { return registry; }

    /** Number of open sessions. */
    public int sessions() { return registry.size(); }

    /** How long a drain may take to checkpoint and write every session (a load balancer's grace is longer). */
    static final Duration DRAIN_LIMIT = Duration.ofSeconds(10);

    /**
     * A rolling restart (SIGTERM): /health answers 503 "draining" at once, new sockets are refused,
     * every session is checkpointed and written (at most {@link #DRAIN_LIMIT}), every socket is
     * closed with 1012 so its page reconnects (to another replica), then the server stops.
     */
    public String drain() {
        long start = System.nanoTime();
        int saved = failover.drain(registry, DRAIN_LIMIT);
        sockets.closeAll(RESTARTING, RESTARTING_REASON);
        roomRoutes.closeSockets(RESTARTING, RESTARTING_REASON);
        String done = "drained: " + saved + " sessions checkpointed in " + (System.nanoTime() - start) / 1_000_000 + " ms";
        stop();
        return done;
    }

    /** Tests only: the server vanishes as if killed (sockets dropped without a close, unwritten checkpoints lost). */
    public void stopAbruptly() {
        roomRoutes.abort(); // no more room events or card summaries to the other servers
        checkpoints.abandon();
        sockets.dropAll();
        stop();
    }

    /** Resumes, checkpoints of sessions and drain (rooms track their students' sessions with it). */
    Failover failover() { return failover; }

    /** The checkpoint store (tests). */
    org.nnplayground.playground.store.JdbcCheckpoints checkpoints() { return checkpoints; }

    /** Closes every socket properly, stops Jetty gracefully and the trainer threads. */
    public void stop() {
        reaper.shutdownNow();
        sockets.closeAll();
        roomRoutes.closeSockets();
        app.stop();
        roomRoutes.close();
        scheduler.close();
        uploads.close();
        failover.close();
        checkpoints.close();
        runs.close();
        database.close();
    }

    @Override
    public void close() { stop(); }

    /** HTTP sessions Jetty holds (none: the playground keeps no HTTP state; see NoHttpSession). */
    public long httpSessions() {
        return httpSessions != null && httpSessions.getSessionCache() instanceof org.eclipse.jetty.session.DefaultSessionCache cache ? cache.getSessionsCurrent() : 0;
    }

    /** Why this process must be restarted (a dead trainer, ticker or checkpoint writer; memory exhausted), or null. */
    private String internalFailure() {
        String failure = scheduler.failure();
        if (failure == null && !checkpoints.writerAlive()) failure = "the checkpoint writer died";
        return failure;
    }

    /** Tests only: the scheduler, to fail one of its threads. */
    SessionScheduler scheduler() { return scheduler; }

    /**
     * "ok" only when a new session would be served: below the session limit, and not every
     * trainer thread stuck in one turn (a load balancer can rely on it); else 503 and why.
     */
    private Map<String, Object> health(ServerConfig config) {
        Map<String, Object> h = new LinkedHashMap<>();
        boolean full = registry.size() >= config.maxSessions();
        boolean stuck = scheduler.allWorkersStuck();
        String failure = internalFailure();
        h.put("status", failure != null ? "failing" : failover.draining() ? "draining" : full ? "full" : stuck ? "stuck" : "ok");
        if (failure != null) h.put("failure", failure);
        h.put("replica", cluster.replicaId());
        h.put("store", runs.health());
        h.put("checkpoints", Map.of("pending", checkpoints.pending(), "written", checkpoints.written(), "failed", checkpoints.failed()));
        h.put("sessions", registry.size());
        h.put("maxSessions", config.maxSessions());
        h.put("playing", scheduler.playingCount());
        h.put("rooms", roomRoutes.size());
        h.put("roomEvents", roomRoutes.eventsState());
        h.put("roomEventsDropped", roomRoutes.eventsDropped());
        h.put("queuedTurns", scheduler.queuedTurns());
        h.put("queuedRequests", registry.queuedRequests());
        h.put("sliceMs", scheduler.slice() / 1e6);
        h.put("worstTurnMs", scheduler.worstTurnLastMinute() / 1e6);
        h.put("uptimeSeconds", (System.currentTimeMillis() - startedAt) / 1000);
        h.put("version", PlaygroundServer.class.getPackage().getImplementationVersion());
        return h;
    }
}
