package org.nnplayground.playground.web;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.nnplayground.playground.session.BackgroundWork;
import org.nnplayground.playground.session.Session;
import org.nnplayground.playground.session.SessionListener;
import org.nnplayground.playground.session.TrainingRun;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** No session outlives its socket, and a server whose internal threads died says so. */
class SocketLifetimeProtocolTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String C1 = HardeningProtocolTest.C1;
    /** A mid-sized network: builds and epochs that take a good part of a slice. */
    private static final String MEDIUM = "networkShape=40,40&batchSize=1&percTrainData=90&seed=0.3";
    private static final String[] LINKS = {C1, MEDIUM, "dataset=xor&networkShape=3&seed=0.7"};

    /** A message of each type a browser may send (the type names the record, the rest is a plausible body). */
    private static final Map<String, Function<Random, String>> MESSAGES = Map.ofEntries(
            entry("load", r -> "{\"type\":\"load\",\"link\":\"" + LINKS[r.nextInt(LINKS.length)] + "\"}"),
            entry("loadCsv", r -> "{\"type\":\"loadCsv\",\"upload\":\"no-such-upload\"}"),
            entry("play", r -> "{\"type\":\"play\"}"),
            entry("pause", r -> "{\"type\":\"pause\"}"),
            entry("step", r -> "{\"type\":\"step\",\"epochs\":" + (1 + r.nextInt(200)) + "}"),
            entry("reset", r -> "{\"type\":\"reset\"}"),
            entry("regenerate", r -> "{\"type\":\"regenerate\"}"),
            entry("set", r -> r.nextBoolean() ? "{\"type\":\"set\",\"key\":\"learningRate\",\"value\":\"0.1\"}"
                    : "{\"type\":\"set\",\"key\":\"networkShape\",\"value\":\"" + (1 + r.nextInt(8)) + ",3\"}"),
            entry("setWeight", r -> "{\"type\":\"setWeight\",\"layer\":1,\"to\":0,\"from\":0,\"value\":0.5}"),
            entry("setBias", r -> "{\"type\":\"setBias\",\"layer\":1,\"node\":0,\"value\":-0.5}"),
            entry("selectNode", r -> "{\"type\":\"selectNode\",\"node\":null}"),
            entry("speed", r -> "{\"type\":\"speed\",\"epochsPerFrame\":" + r.nextInt(5) + "}"),
            entry("insights", r -> "{\"type\":\"insights\",\"on\":" + r.nextBoolean() + "}"),
            entry("drawPoint", r -> String.format(Locale.ROOT, "{\"type\":\"drawPoint\",\"x\":%.2f,\"y\":%.2f,\"label\":%d}",
                    r.nextDouble() * 12 - 6, r.nextDouble() * 12 - 6, r.nextBoolean() ? 1 : -1)),
            entry("classify", r -> "{\"type\":\"classify\",\"id\":" + r.nextInt(9) + ",\"pixels\":[0,0.5,1]}"),
            entry("weightImages", r -> "{\"type\":\"weightImages\",\"on\":" + r.nextBoolean() + "}"),
            entry("removePoint", r -> "{\"type\":\"removePoint\",\"x\":0,\"y\":0}"),
            entry("sweep", r -> "{\"type\":\"sweep\",\"vary\":{\"learningRate\":[\"0.01\",\"0.1\",\"0.3\"]},\"epochs\":" + (10 + r.nextInt(100)) + "}"),
            entry("cancelSweep", r -> "{\"type\":\"cancelSweep\"}"),
            entry("resume", r -> "{\"type\":\"resume\",\"token\":\"" + Long.toHexString(r.nextLong()) + "\"}"),
            entry("leaveRoom", r -> "{\"type\":\"leaveRoom\"}"),
            entry("teach", r -> "{\"type\":\"teach\",\"code\":\"ABCD\",\"key\":\"k\"}"),
            entry("watch", r -> "{\"type\":\"watch\",\"studentId\":\"s1\"}"),
            entry("classView", r -> "{\"type\":\"classView\",\"on\":" + r.nextBoolean() + "}"),
            entry("pushExercise", r -> "{\"type\":\"pushExercise\",\"link\":\"" + C1 + "\"}"),
            entry("pauseAll", r -> "{\"type\":\"pauseAll\"}"),
            entry("resumeAll", r -> "{\"type\":\"resumeAll\"}"),
            entry("resetAll", r -> "{\"type\":\"resetAll\"}"),
            entry("notice", r -> "{\"type\":\"notice\",\"text\":\"hello\"}"),
            entry("spotlight", r -> "{\"type\":\"spotlight\",\"studentId\":\"s1\"}"),
            entry("anonymize", r -> "{\"type\":\"anonymize\",\"on\":true}"),
            entry("removeStudent", r -> "{\"type\":\"removeStudent\",\"studentId\":\"s1\"}"),
            entry("removeAway", r -> "{\"type\":\"removeAway\"}"),
            entry("closeRoom", r -> "{\"type\":\"closeRoom\"}"),
            entry("ack", r -> "{\"type\":\"ack\",\"frames\":" + (1 + r.nextInt(2)) + "}"),
            entry("save", r -> "{\"type\":\"save\"}"),
            entry("loadRun", r -> "{\"type\":\"loadRun\",\"run\":\"no-such-run\"}"));

    @Test
    void everyMessageTypeIsExercised() {
        Set<String> types = new HashSet<>();
        for (JsonSubTypes.Type t : ClientMessage.class.getAnnotation(JsonSubTypes.class).value()) types.add(t.name());
        assertEquals(types, MESSAGES.keySet(), "a message for every type the server accepts");
    }

    /**
     * Sockets open, send random messages of every type and drop at random times (half of them
     * without a close frame), 8 at a time; afterwards nothing they started is left: no session,
     * nothing playing, no scheduler books, and /health says so.
     */
    @Test
    void socketsThatActAndDropAtRandomLeaveNoSessionBehind() throws Exception {
        long seed = Long.getLong("lifetime.seed", 18L);
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try (PlaygroundServer server = PlaygroundServer.start(ServerConfig.defaults().withHost("127.0.0.1").withPort(0))) {
            HttpClient http = HttpClient.newHttpClient();
            List<String> types = new ArrayList<>(MESSAGES.keySet());
            types.sort(null);
            Random seeds = new Random(seed);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 240; i++) {
                Random r = new Random(seeds.nextLong());
                done.add(clients.submit(() -> { actAndDrop(http, server.port(), types, r); return null; }));
            }
            for (Future<?> f : done) f.get(120, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while ((server.sessions() > 0 || server.scheduler().playingCount() > 0 || server.scheduler().sessionCount() > 0)
                    && System.nanoTime() < deadline) Thread.sleep(50);
            assertEquals(0, server.scheduler().sessionCount(), "scheduler books open (seed " + seed + ")");
            JsonNode health = health(http, server.port(), "/health");
            assertEquals(0, health.get("sessions").asInt(), "sessions (seed " + seed + ")");
            assertEquals(0, health.get("playing").asInt(), "playing (seed " + seed + ")");
            assertEquals("ok", health.get("status").asText());
        } finally {
            clients.shutdownNow();
        }
    }

    private static void actAndDrop(HttpClient http, int port, List<String> types, Random r) throws Exception {
        WebSocket ws = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(WsClient.WAIT_SECONDS))
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), new Ignoring()).get(20, TimeUnit.SECONDS);
        long dropAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(r.nextInt(401));
        try {
            if (r.nextInt(4) > 0) ws.sendText(MESSAGES.get("load").apply(r), true).get(10, TimeUnit.SECONDS);
            if (r.nextBoolean()) ws.sendText(MESSAGES.get(r.nextBoolean() ? "play" : "sweep").apply(r), true).get(10, TimeUnit.SECONDS);
            while (System.nanoTime() < dropAt) {
                String type = types.get(r.nextInt(types.size()));
                ws.sendText(MESSAGES.get(type).apply(r), true).get(10, TimeUnit.SECONDS);
                Thread.sleep(r.nextInt(25));
            }
        } catch (Exception refusedOrClosed) {
            // the server may close a socket first (a message it will not take): dropping it is all that is left
        }
        if (r.nextBoolean()) ws.abort(); // a vanished browser: no close frame
        else ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").handle((w, e) -> w).thenRun(ws::abort);
    }

    /** Pages that load a big network (about 40k parameters) and vanish at once leave no checkpoint behind. */
    @Test
    void socketsThatLoadABigNetworkAndDropBeforeTrainingWriteNoCheckpoint() throws Exception {
        try (PlaygroundServer server = PlaygroundServer.start(ServerConfig.defaults().withHost("127.0.0.1").withPort(0))) {
            for (int i = 0; i < 20; i++) {
                WsClient c = WsClient.connect(server.port());
                c.send("{\"type\":\"load\",\"link\":\"" + HardeningProtocolTest.HEAVY + "\"}");
                c.next("session"); // built: the run exists before the page vanishes
                if (i % 2 == 0) c.send("{\"type\":\"set\",\"key\":\"learningRate\",\"value\":\"0.1\"}"); // changed, not trained
                c.abort();
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (server.sessions() > 0 && System.nanoTime() < deadline) Thread.sleep(50);
            assertEquals(0, server.sessions());
            server.checkpoints().flush();
            assertEquals(0, server.checkpoints().written() + server.checkpoints().pending(), "checkpoints of pages that never trained");
            // one that trained is written
            try (WsClient c = WsClient.connect(server.port())) {
                c.send("{\"type\":\"load\",\"link\":\"" + C1 + "\"}");
                c.frameAt(0);
                c.send("{\"type\":\"step\"}");
                c.frameAt(1);
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60); // saved at the end of the step's turn, written by the store's thread
                while (server.checkpoints().written() < 1 && System.nanoTime() < until) Thread.sleep(20);
                assertEquals(1, server.checkpoints().written(), "the step's end");
            }
        }
    }

    @Test
    void aDeadTickerTurnsHealthAndLivenessToFailing() throws Exception {
        try (PlaygroundServer server = PlaygroundServer.start(ServerConfig.defaults().withHost("127.0.0.1").withPort(0))) {
            HttpClient http = HttpClient.newHttpClient();
            assertEquals(200, status(http, server.port(), "/health"));
            server.scheduler().failNextTick(new OutOfMemoryError("test: the ticker ran out of memory"));
            awaitStatus(http, server.port(), "/health", 503);
            JsonNode health = health(http, server.port(), "/health");
            assertEquals("failing", health.get("status").asText());
            assertTrue(health.get("failure").asText().contains("ticker"), health.toString());
            assertEquals(503, status(http, server.port(), "/health/live"), "liveness fails: the orchestrator restarts the process");
        }
    }

    @Test
    void memoryRunningOutInATrainerTurnTurnsHealthToFailing() throws Exception {
        try (PlaygroundServer server = PlaygroundServer.start(ServerConfig.defaults().withHost("127.0.0.1").withPort(0));
             WsClient c = WsClient.connect(server.port())) {
            HttpClient http = HttpClient.newHttpClient();
            c.send("{\"type\":\"load\",\"link\":\"" + C1 + "\"}");
            c.frameAt(0);
            Session session = server.registry().sessions().get(0);
            session.runInBackground(new BackgroundWork() {
                @Override public void begin(TrainingRun current) {}

                @Override public boolean runSlice(long deadlineNanos, SessionListener listener) {
                    throw new OutOfMemoryError("test: a turn ran out of memory");
                }
            });
            awaitStatus(http, server.port(), "/health/live", 503);
            JsonNode health = health(http, server.port(), "/health");
            assertEquals("failing", health.get("status").asText());
            assertTrue(health.get("failure").asText().contains("trainer"), health.toString());
        }
    }

    private static void awaitStatus(HttpClient http, int port, String path, int expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (status(http, port, path) != expected && System.nanoTime() < deadline) Thread.sleep(50);
        assertEquals(expected, status(http, port, path), path);
    }

    private static int status(HttpClient http, int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static JsonNode health(HttpClient http, int port, String path) throws Exception {
        return JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    /** Takes whatever the server sends and drops it (frames are never acknowledged unless a random ack is sent). */
    private static final class Ignoring implements WebSocket.Listener {
        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, java.nio.ByteBuffer data, boolean last) {
            ws.request(1);
            return null;
        }
    }
}
