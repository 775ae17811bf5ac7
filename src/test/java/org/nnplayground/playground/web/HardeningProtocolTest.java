package org.nnplayground.playground.web;

import org.nnplayground.playground.data.WideCsv;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nnplayground.playground.session.Session;
import org.nnplayground.playground.session.SessionProbe;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A hostile class over real sockets: odd messages, heavy work, floods, stalled readers, foreign pages. */
class HardeningProtocolTest {
    /** 200x200 hidden on 450 samples, batch 1: about 50 ms an epoch, longer than any slice. */
    static final String HEAVY = "networkShape=200,200&batchSize=1&percTrainData=90&seed=0.1";
    static final String C1 = "activation=tanh&batchSize=10&dataset=circle&learningRate=0.03&networkShape=4,2&seed=0.12345&percTrainData=50";
    private static PlaygroundServer server;
    /** Short, but long enough that clients taking every frame are not reaped while a loaded machine starves this JVM. */
    static final Duration STALL = Duration.ofSeconds(6);

    @BeforeAll
    static void start() {
        server = PlaygroundServer.start(ServerConfig.defaults().withHost("127.0.0.1").withPort(0).withStallTimeout(STALL));
    }

    @AfterAll
    static void stop() { server.stop(); }

    private static WsClient loaded(String link) throws InterruptedException {
        WsClient c = WsClient.connect(server.port());
        c.send("{\"type\":\"load\",\"link\":\"" + link + "\"}");
        c.next("session");
        c.frameAt(0);
        return c;
    }

    @Test
    void oddMessagesGetAnErrorInProtocolWordsAndTheSessionLives() throws Exception {
        try (WsClient c = loaded(C1)) {
            String[] odd = {"null", "[]", "[1,2]", "42", "\"play\"", "true", "{}", "{\"type\":5}", "{\"type\":null}",
                "{\"type\":\"step\",\"epochs\":\"many\"}", "{\"type\":\"step\",\"epochs\":[1]}", "{\"type\":\"set\",\"key\":{},\"value\":\"1\"}",
                "{\"type\":\"load\",\"settings\":[1]}", "{\"type\":\"setWeight\",\"layer\":\"a\"}", "{\"type\":\"play\"} trailing", ""};
            for (String message : odd) {
                c.send(message);
                String error = c.next(m -> m.path("type").asText().equals("error"), "error for " + message).get("message").asText();
                assertTrue(error.length() > 5, message + " -> " + error);
                for (String internal : new String[] {"java.", "`", "Exception", "LinkedHashMap", "Integer", "String[]", "deserialize"}) {
                    assertFalse(error.contains(internal), message + " -> " + error);
                }
            }
            c.send("{\"type\":\"step\"}");
            assertEquals(1, c.frameAt(1).epoch());
            assertFalse(c.closed.isDone(), "the socket stays open");
        }
    }

    @Test
    void speedOneTrainsExactlyOneEpochPerFrame() throws Exception {
        try (WsClient c = loaded(C1)) {
            c.send("{\"type\":\"play\"}");
            List<Frame> frames = new ArrayList<>();
            for (int i = 0; i < 40; i++) frames.add(c.nextFrame(f -> true, "frame"));
            c.send("{\"type\":\"pause\"}");
            for (int i = 1; i < frames.size(); i++) {
                Frame f = frames.get(i);
                assertEquals(1, f.historyTrain().length, "epochs in frame " + i);
                assertEquals(frames.get(i - 1).epoch() + 1, f.epoch(), "consecutive epochs");
            }
        }
    }

    @Test
    void aHeavyStepDoesNotFreezeThePlayersAndPauseOrLoadCancelsIt() throws Exception {
        List<WsClient> players = new ArrayList<>();
        Set<Session> before = Set.copyOf(server.registry().sessions());
        try (WsClient heavy1 = loaded(HEAVY); WsClient heavy2 = loaded(HEAVY)) {
            List<Session> heavy = opened(before);
            for (int i = 0; i < 5; i++) {
                WsClient p = loaded(C1);
                p.send("{\"type\":\"play\"}");
                players.add(p);
            }
            heavy1.send("{\"type\":\"step\",\"epochs\":1000}");
            heavy2.send("{\"type\":\"step\",\"epochs\":1000}");
            // the steps run, a slice at a time, and show progress
            Frame progress = heavy1.nextFrame(f -> f.epoch() > 0, "heavy progress");
            assertTrue(progress.epoch() < 1000, "still stepping");
            heavy2.nextFrame(f -> f.epoch() > 0, "heavy progress");
            // before slicing, two heavy steps held both trainer threads and the players got no frame
            // until the steps were done (about a minute); now each player goes on playing, frame by
            // frame, while the steps still run, whatever else loads the machine
            for (WsClient p : players) {
                p.frames.clear();
                int from = p.nextFrame(f -> true, "a player's frame").epoch();
                p.nextFrame(f -> f.epoch() >= from + 10, "a player's 10 more epochs beside the heavy steps");
            }
            for (Session s : heavy) assertTrue(s.isStepping(), "the heavy steps still run while the players played 10 epochs each");
            // requests run in order on the session's turns: a full step of 1000 after the pause is
            // taken only if nothing of the first one still waits (else "at most 1000 epochs may
            // wait"); the refused step 0 after it marks the end of the answers, whatever the timing
            heavy1.send("{\"type\":\"pause\"}");
            heavy1.next(m -> m.path("state").asText().equals("paused"), "paused");
            heavy1.texts.clear();
            heavy1.send("{\"type\":\"step\",\"epochs\":1000}");
            heavy1.send("{\"type\":\"step\",\"epochs\":0}");
            JsonNode error = heavy1.next("error");
            assertTrue(error.path("message").asText().startsWith("step takes 1 to"), "pause dropped the rest of the step: " + error);
            heavy1.send("{\"type\":\"pause\"}");
            heavy2.send("{\"type\":\"load\",\"link\":\"" + C1 + "\"}");
            heavy2.next(m -> m.path("type").asText().equals("session") && m.path("parameterCount").asInt() == 25, "new session");
            heavy2.frameAt(0);
        } finally {
            players.forEach(WsClient::close);
        }
    }

    @Test
    void closingDuringAHeavyStepStopsItsEpochsAtOnce() throws Exception {
        Set<Session> before = Set.copyOf(server.registry().sessions());
        WsClient a = loaded(HEAVY);
        WsClient b = loaded(HEAVY);
        List<Session> heavy = opened(before);
        a.send("{\"type\":\"step\",\"epochs\":1000}");
        b.send("{\"type\":\"step\",\"epochs\":1000}");
        a.nextFrame(f -> f.epoch() > 2, "a steps");
        b.nextFrame(f -> f.epoch() > 2, "b steps");
        int open = server.sessions();
        a.abort();
        b.close();
        awaitOpenSessions(open - 2); // both sessions closed (the registry closes a session before freeing its place)
        int[] atClose = heavy.stream().mapToInt(SessionProbe::epochs).toArray();
        // with the closed steps still running, both trainer threads were theirs for a minute
        try (WsClient next = loaded(C1)) {
            next.send("{\"type\":\"step\"}");
            next.frameAt(1);
        }
        Thread.sleep(500); // room for a step that went on after its close to show
        for (int i = 0; i < atClose.length; i++) {
            int after = SessionProbe.epochs(heavy.get(i)) - atClose[i];
            // the epoch under way when the socket closed may end; no other starts
            assertTrue(after <= 1, "a closed session trained " + after + " epochs after its close");
        }
    }

    /**
     * The two heavy sessions opened since {@code before} (a socket an earlier test gave up on may
     * open a session late: the heavy ones are told by their network's size).
     */
    private static List<Session> opened(Set<Session> before) {
        List<Session> now = new ArrayList<>(server.registry().sessions());
        now.removeAll(before);
        now.removeIf(s -> s.summary().parameterCount() < 10_000);
        assertEquals(2, now.size(), "the two heavy sessions");
        return now;
    }

    @Test
    void theQueueIsBoundedAndTheNewestBuildAndSettingWin() throws Exception {
        try (WsClient c = loaded(C1)) {
            // a build of the biggest network takes longer than a slice: what arrives meanwhile waits in the queue
            c.send("{\"type\":\"load\",\"link\":\"" + HEAVY + "\"}");
            for (String lr : new String[] {"0.1", "0.3", "0.01"}) c.send("{\"type\":\"set\",\"key\":\"learningRate\",\"value\":\"" + lr + "\"}");
            for (int i = 0; i < 40; i++) c.send("{\"type\":\"selectNode\",\"node\":null}");
            // the link may come before the refusal: on a busy machine the build can end while the selects still arrive
            var answers = c.nextEach("the refusal and the link",
                    m -> m.path("type").asText().equals("error") && m.path("message").asText().contains("waiting"),
                    m -> m.path("type").asText().equals("link") && m.get("hash").asText().contains("learningRate=0.01"));
            assertEquals("selectNode", answers.get(0).get("request").asText());
            // how waiting sets merge is RequestQueueTest's; here: the newest value is the last word
            Thread.sleep(500);
            assertTrue(c.texts.stream().noneMatch(m -> m.path("type").asText().equals("link")), "nothing set after the newest value");
            // builds: a newer load replaces the waiting one (a CSV's build included)
            String upload = CsvUploadProtocolTest.upload(server.port(), "wide.csv", WideCsv.text()).get("upload").asText();
            c.send("{\"type\":\"load\",\"link\":\"" + HEAVY + "&seed=0.2\"}");
            c.send("{\"type\":\"loadCsv\",\"name\":\"b.csv\",\"upload\":\"" + upload + "\"}");
            c.send("{\"type\":\"load\",\"link\":\"" + C1 + "&seed=0.777\"}");
            JsonNode last = c.next(m -> m.path("type").asText().equals("session") && m.path("link").asText().contains("0.777"), "the newest load");
            assertTrue(last.get("parameterCount").asInt() == 25);
            c.texts.clear();
            Thread.sleep(1000);
            assertTrue(c.texts.stream().noneMatch(m -> m.path("type").asText().equals("session")), "nothing built after the newest load");
        }
    }

    @Test
    void aClientThatStopsTakingFramesGetsNoEpochsAndIsReaped() throws Exception {
        try (WsClient healthy = loaded(C1); WsClient stalled = loaded(C1)) {
            healthy.send("{\"type\":\"play\"}");
            stalled.acks = false;
            stalled.send("{\"type\":\"play\"}");
            Thread.sleep(1000);
            // it owes the acknowledgement for epoch 0; two more frames (three unacknowledged), then nothing
            assertTrue(stalled.frames.size() <= Connection.MAX_FRAMES_UNACKED, stalled.frames.size() + " frames to a client that does not acknowledge");
            assertEquals(1, stalled.closed.get(30, TimeUnit.SECONDS) == 1008 ? 1 : 0, "closed as stalled");
            assertFalse(healthy.closed.isDone(), "the healthy player stays");
            awaitFrames(healthy, 31);
            assertFalse(healthy.closed.isDone(), "the healthy player plays on");
        }
    }

    @Test
    void aClientThatCatchesUpContinuesWhereItStopped() throws Exception {
        try (WsClient c = loaded(C1)) {
            c.acks = false;
            c.send("{\"type\":\"play\"}");
            Thread.sleep(700);
            int last = c.frames.stream().mapToInt(Frame::epoch).max().orElse(0);
            c.acks = true;
            c.send("{\"type\":\"ack\"}");
            c.send("{\"type\":\"ack\"}");
            Frame next = c.nextFrame(f -> f.epoch() > last, "after catching up");
            assertEquals(last + 1, next.epoch(), "no epoch was trained while the client did not read");
        }
    }

    @Test
    void oneAckMayCountTwoFramesAsThePageSendsIt() throws Exception {
        try (WsClient c = WsClient.connect(server.port())) {
            c.acks = false; // epoch 0's frame stays owed: two more may come
            c.send("{\"type\":\"load\",\"link\":\"" + C1 + "\"}");
            c.frameAt(0);
            c.send("{\"type\":\"play\"}");
            awaitFrames(c, Connection.MAX_FRAMES_UNACKED - 1);
            Thread.sleep(700); // room for a frame too many to show
            assertEquals(Connection.MAX_FRAMES_UNACKED - 1, c.frames.size(), "the window: 3 frames unacknowledged");
            int last = c.frames.stream().mapToInt(Frame::epoch).max().orElse(0);
            c.frames.clear();
            c.send("{\"type\":\"ack\",\"frames\":2}"); // frees exactly two places
            awaitFrames(c, 2);
            Thread.sleep(700); // room for a frame too many to show
            assertEquals(List.of(last + 1, last + 2), c.frames.stream().map(Frame::epoch).toList());
            c.send("{\"type\":\"ack\",\"frames\":9}");
            assertTrue(c.next("error").get("message").asText().contains("1 to 3 frames"));
            c.acks = true;
            c.send("{\"type\":\"ack\", \"frames\": 3}"); // any spelling parses (the page's exact text skips the parser)
            c.nextFrame(f -> f.epoch() > last + 2, "playing on");
        }
    }

    @Test
    void foreignOriginsAreRefusedAndListedOnesAccepted() throws Exception {
        String own = "http://127.0.0.1:" + server.port();
        try (WsClient same = WsClient.connect(server.port(), own)) {
            same.send("{\"type\":\"load\",\"link\":\"" + C1 + "\"}");
            same.next("session");
        }
        CompletionException refused = assertThrows(CompletionException.class, () -> WsClient.connect(server.port(), "https://evil.example"));
        assertEquals(403, ((java.net.http.WebSocketHandshakeException) refused.getCause()).getResponse().statusCode());
        try (PlaygroundServer open = PlaygroundServer.start(ServerConfig.defaults().withHost("127.0.0.1").withPort(0)
                .withAllowedOrigins(List.of("https://lms.example.edu")));
             WsClient lms = WsClient.connect(open.port(), "https://lms.example.edu")) {
            lms.send("{\"type\":\"load\",\"link\":\"" + C1 + "\"}");
            lms.next("session");
            assertThrows(CompletionException.class, () -> WsClient.connect(open.port(), "https://evil.example"));
        }
    }

    @Test
    void everyHttpAnswerCarriesTheSecurityHeaders() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : new String[] {"/", "/web/js/main.js", "/web/js/protocol.js", "/health", "/api/datasets"}) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), path);
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline") && csp.contains("frame-ancestors 'self'"), path + ": " + csp);
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""), path);
            assertEquals("no-referrer", r.headers().firstValue("Referrer-Policy").orElse(""), path);
            assertTrue(r.headers().firstValue("Set-Cookie").isEmpty(), path + " sets a cookie");
            if (path.equals("/")) {
                // no inline script: every <script> loads a file, or is a JSON data block (never executed)
                assertFalse(r.body().matches("(?s).*<script(?![^>]*\\ssrc=)(?![^>]*type=\"application/json\")[^>]*>.*"), "inline script on the page");
                assertFalse(r.body().matches("(?s).*<[^>]*\\son[a-z]+=.*") || r.body().contains("javascript:"), "inline event handler on the page");
            }
        }
    }

    @Test
    void connectingCreatesNoHttpSession() throws Exception {
        long before = server.httpSessions();
        assertTrue(before >= 0, "Jetty's session count is readable");
        for (int i = 0; i < 50; i++) {
            WsClient c = WsClient.connect(server.port());
            c.close();
        }
        assertEquals(before, server.httpSessions(), "HTTP sessions after 50 connects");
        String upgrade = rawUpgrade(server.port());
        assertTrue(upgrade.startsWith("HTTP/1.1 101"), upgrade);
        assertFalse(upgrade.toLowerCase().contains("set-cookie"), upgrade);
    }

    @Test
    void connectLoadCloseChurnLeavesNoThreadsOrSessionsBehind() throws Exception {
        for (int i = 0; i < 20; i++) loaded(C1).abort(); // warm up Jetty's and the client's pools
        awaitOpenSessions(0);
        int threads = serverThreads();
        for (int i = 0; i < 300; i++) {
            WsClient c = WsClient.connect(server.port());
            c.send("{\"type\":\"load\",\"link\":\"" + C1 + "\"}");
            if (i % 2 == 0) c.abort();
            else c.close();
        }
        awaitOpenSessions(0);
        Thread.sleep(1000);
        int after = serverThreads();
        assertTrue(after <= threads + 20, "threads " + threads + " -> " + after + " after 300 connect/load/close cycles");
        assertEquals(0, server.httpSessions());
    }

    /** Threads of this JVM except the test clients' (each JDK HttpClient has its own). */
    private static int serverThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream().filter(t -> !t.getName().startsWith("HttpClient-")).count();
    }

    /** Waits until {@code c} holds {@code n} frames (a limit, not a speed: a loaded machine sends them later). */
    private static void awaitFrames(WsClient c, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WsClient.WAIT_SECONDS);
        while (c.frames.size() < n && System.nanoTime() < deadline) Thread.sleep(20);
    }

    private static void awaitOpenSessions(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (server.sessions() > expected && System.nanoTime() < deadline) Thread.sleep(50);
        assertEquals(expected, server.sessions(), "open sessions");
    }

    @Test
    void aNetworkNearTheParameterLimitRoundTripsThroughAFrame() throws Exception {
        String big = "networkShape=100,100,100,100,100,100,100,100,100,100&seed=0.25&percTrainData=10&batchSize=10";
        try (WsClient c = WsClient.connect(server.port())) {
            c.send("{\"type\":\"load\",\"link\":\"" + big + "\"}");
            int params = c.next("session").get("parameterCount").asInt();
            assertTrue(params > 90_000, params + " parameters");
            Frame f = c.frameAt(0);
            assertEquals(params, f.weights().length);
            // the last bias (the output's) travels last
            c.send("{\"type\":\"setBias\",\"layer\":11,\"node\":0,\"value\":0.625}");
            Frame edited = c.nextFrame(x -> x.weights()[params - 1] == 0.625f, "edited output bias");
            assertEquals(100, edited.gridSize());
        }
    }

    @Test
    void healthSaysNoWhenFull() throws Exception {
        try (PlaygroundServer small = PlaygroundServer.start(ServerConfig.defaults().withHost("127.0.0.1").withPort(0).withLimits(1, 1, 50))) {
            JsonNode ok = health(small, 200);
            assertEquals("ok", ok.get("status").asText());
            assertTrue(ok.has("worstTurnMs") && ok.has("queuedTurns") && ok.has("playing"), ok.toString());
            try (WsClient only = WsClient.connect(small.port())) {
                only.send("{\"type\":\"load\",\"link\":\"" + C1 + "\"}");
                only.next("session");
                JsonNode full = health(small, 503);
                assertEquals("full", full.get("status").asText());
                assertEquals(1, full.get("sessions").asInt());
            }
        }
    }

    private static JsonNode health(PlaygroundServer s, int status) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + "/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(status, r.statusCode(), r.body());
        return new ObjectMapper().readTree(r.body());
    }

    /** The upgrade response's status line and headers, read from a plain socket. */
    private static String rawUpgrade(int port) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write(("GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            StringBuilder b = new StringBuilder();
            while (!b.toString().endsWith("\r\n\r\n")) {
                int ch = in.read();
                if (ch < 0) break;
                b.append((char) ch);
            }
            return b.toString();
        }
    }
}
