package org.nnplayground.playground.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nnplayground.playground.link.PlaygroundLink;
import org.nnplayground.playground.session.TrainingRun;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The protocol over a real port and socket: TF-exact steps, live changes, edits and bad input. */
class ProtocolTest {
    private static PlaygroundServer server;
    private static JsonNode h1;

    @BeforeAll
    static void start() throws Exception {
        server = PlaygroundServer.start(ServerConfig.defaults().withHost("127.0.0.1").withPort(0));
        try (InputStream in = ProtocolTest.class.getResourceAsStream("/tf-vectors/H1.json")) {
            h1 = new ObjectMapper().readTree(in);
        }
    }

    @AfterAll
    static void stop() { server.stop(); }

    private static WsClient loadH1() throws InterruptedException {
        WsClient c = WsClient.connect(server.port());
        c.send("{\"type\":\"load\",\"link\":\"https://playground.tensorflow.org/#" + h1.get("hash").asText() + "\"}");
        JsonNode session = c.next("session");
        assertEquals(h1.get("serializedHash").asText(), session.get("link").asText());
        assertEquals(25, session.get("parameterCount").asInt());
        return c;
    }

    @Test
    void stepsReproduceTensorFlowPlaygroundBitForBit() throws Exception {
        try (WsClient c = loadH1()) {
            Frame zero = c.frameAt(0);
            assertEquals(h1.get("lossTrain").get(0).asDouble(), zero.lossTrain(), 0.0);
            for (int epoch = 1; epoch <= 10; epoch++) {
                c.send("{\"type\":\"step\"}");
                Frame f = c.frameAt(epoch);
                assertEquals(h1.get("lossTrain").get(epoch).asDouble(), f.lossTrain(), 0.0, "train loss " + epoch);
                assertEquals(h1.get("lossTest").get(epoch).asDouble(), f.lossTest(), 0.0, "test loss " + epoch);
                assertEquals(epoch, f.firstHistoryEpoch());
            }
            c.send("{\"type\":\"step\",\"epochs\":290}");
            Frame f = c.frameAt(300);
            assertEquals(h1.get("lossTrain").get(300).asDouble(), f.lossTrain(), 0.0);
            assertEquals(100, f.gridSize());
            assertEquals(7, f.thumbCount());
            // the decoded heatmap is a smooth picture in [-1, 1] (a wrong decoding gives noise)
            int jumps = 0;
            for (int r = 0; r < 100; r++) for (int col = 1; col < 100; col++) if (Math.abs(f.cell(r, col) - f.cell(r, col - 1)) > 0.2) jumps++;
            assertTrue(jumps < 1000, jumps + " jumps"); // the circle's edge is sharp; noise would jump everywhere
            assertTrue(f.cell(50, 50) > 0.3 && f.cell(0, 0) < -0.3, "circle inside blue, corners orange: " + f.cell(50, 50) + " " + f.cell(0, 0));
        }
    }

    @Test
    void requestsSentBackToBackRunInOrder() throws Exception {
        for (int i = 0; i < 20; i++) {
            try (WsClient c = WsClient.connect(server.port())) {
                c.send("{\"type\":\"load\",\"link\":\"" + h1.get("hash").asText() + "\"}");
                c.send("{\"type\":\"step\"}");
                c.send("{\"type\":\"step\"}");
                assertEquals(h1.get("lossTrain").get(2).asDouble(), c.frameAt(2).lossTrain(), 0.0);
                assertTrue(c.texts.stream().noneMatch(m -> m.path("type").asText().equals("error")), c.texts.toString());
            }
        }
    }

    @Test
    void learningRateChangesLiveWithoutTouchingTheWeights() throws Exception {
        try (WsClient c = loadH1()) {
            c.frameAt(0);
            c.send("{\"type\":\"step\",\"epochs\":2}");
            c.frameAt(2);
            c.send("{\"type\":\"set\",\"key\":\"learningRate\",\"value\":\"0.3\"}");
            assertTrue(c.next("link").get("hash").asText().contains("learningRate=0.3"));
            c.send("{\"type\":\"step\"}");
            Frame f = c.frameAt(3);
            // the same run computed here: two epochs at 0.03, one at 0.3
            TrainingRun run = TrainingRun.create(PlaygroundLink.parse(h1.get("hash").asText(), new Random()).settings(), null);
            run.trainer().trainEpoch();
            run.trainer().trainEpoch();
            run.trainer().reconfigure(run.trainer().config().withLearningRate(0.3));
            assertEquals(run.trainer().trainEpoch().train().loss(), f.lossTrain(), 0.0);
        }
    }

    @Test
    void weightEditShowsInTheNextFrameAndResetDrawsNewWeights() throws Exception {
        try (WsClient c = loadH1()) {
            Frame before = c.frameAt(0);
            c.send("{\"type\":\"setWeight\",\"layer\":1,\"to\":0,\"from\":1,\"value\":2.5}");
            Frame edited = c.nextFrame(f -> f.weights()[1] == 2.5f, "edited frame");
            assertNotEquals(before.lossTrain(), edited.lossTrain());
            assertTrue(differentGrid(before, edited), "the boundary changes with the weight");
            c.send("{\"type\":\"setBias\",\"layer\":3,\"node\":0,\"value\":-1}");
            c.nextFrame(f -> f.weights()[24] == -1f, "output bias frame");
            c.send("{\"type\":\"reset\"}");
            Frame reset = c.frameAt(0);
            assertNotEquals(before.weights()[0], reset.weights()[0]);
        }
    }

    @Test
    void badInputGetsAnErrorAndTheSessionKeepsWorking() throws Exception {
        try (WsClient c = loadH1()) {
            c.frameAt(0);
            String[] bad = {
                "{not json",
                "{\"type\":\"dance\"}",
                "{\"link\":\"no type\"}",
                "{\"type\":\"set\",\"key\":\"learningRate\",\"value\":\"abc\"}",
                "{\"type\":\"set\",\"key\":\"banana\",\"value\":\"1\"}",
                "{\"type\":\"step\",\"epochs\":100000000}",
                "{\"type\":\"setWeight\",\"layer\":9,\"to\":0,\"from\":0,\"value\":1}",
                "{\"type\":\"setWeight\",\"layer\":1,\"to\":0,\"from\":0,\"value\":1e400}",
                "{\"type\":\"speed\",\"epochsPerFrame\":-3}",
                "{\"type\":\"selectNode\",\"node\":\"nope\"}",
                "{\"type\":\"loadCsv\",\"name\":\"x.csv\",\"content\":\"a,b,c\\n1,2\\n\"}",
                "{\"type\":\"set\",\"key\":\"learningRate\",\"value\":\"" + "9".repeat(20_000) + "\"}",
            };
            for (String message : bad) {
                c.send(message);
                JsonNode error = c.next("error");
                assertTrue(error.get("message").asText().length() > 5, message + " -> " + error);
            }
            c.send("{\"type\":\"step\"}");
            Frame f = c.frameAt(1);
            assertEquals(h1.get("lossTrain").get(1).asDouble(), f.lossTrain(), 0.0);
        }
    }

    @Test
    void structuredSettingsLoadLikeTheirLink() throws Exception {
        try (WsClient c = WsClient.connect(server.port())) {
            c.send("{\"type\":\"load\",\"settings\":{\"activation\":\"relu\",\"networkShape\":\"3\",\"seed\":\"0.5\",\"optimizer\":\"adam\"}}");
            JsonNode session = c.next("session");
            assertEquals("relu", session.get("hiddenActivation").asText());
            assertEquals("adam", session.get("optimizer").asText());
            assertTrue(session.get("link").asText().contains("networkShape=3&seed=0.5"), session.get("link").asText());
            c.send("{\"type\":\"load\"}");
            assertTrue(c.next("error").get("message").asText().contains("link"));
        }
    }

    @Test
    void aRefusedLinkValueFallsBackToItsDefaultWithAWarning() throws Exception {
        try (WsClient c = WsClient.connect(server.port())) {
            c.send("{\"type\":\"load\",\"link\":\"networkShape=1,1,1,1,1,1,1,1,1,1,1,1&activation=relu\"}");
            JsonNode session = c.next("session");
            assertTrue(session.get("warnings").toString().contains("networkShape"), session.get("warnings").toString());
            assertEquals("relu", session.get("hiddenActivation").asText());
        }
    }

    @Test
    void csvWithThreeColumnsTrainsWithASliceHeatmap() throws Exception {
        try (WsClient c = loadH1()) {
            c.send("{\"type\":\"loadCsv\",\"name\":\"t.csv\",\"content\":\"a,b,c,label\\n1,2,3,cat\\n2,1,0,dog\\n0,0,1,cat\\n3,1,2,dog\\n\"}");
            JsonNode session = c.next(m -> m.path("type").asText().equals("session") && m.path("inputs").size() == 3, "3-input session");
            assertEquals("(None, 4)", session.get("summary").get(0).get("outputShape").asText());
            assertEquals("a", session.get("grid").get("xName").asText());
            assertEquals("b", session.get("grid").get("yName").asText());
            c.send("{\"type\":\"step\"}");
            Frame f = c.frameAt(1);
            assertEquals(100, f.gridSize());
            // another slice: a new description for the same run, and the next frame shows it
            c.send("{\"type\":\"set\",\"key\":\"sliceY\",\"value\":\"c\"}");
            JsonNode slice = c.next(m -> m.path("type").asText().equals("session") && m.path("grid").path("yName").asText().equals("c"), "slice session");
            assertTrue(slice.get("link").asText().contains("sliceY=c"), slice.toString());
        }
    }

    @Test
    void aLoadWithRefusedValuesStillBuildsASessionAndNamesTheKeys() throws Exception {
        try (WsClient c = WsClient.connect(server.port())) {
            c.send("{\"type\":\"load\",\"link\":\"activation=softplus&networkShape=1,1,1,1,1,1,1,1,1,1,1,1&learningRate=0.3&seed=0.5\"}");
            JsonNode session = c.next("session");
            assertEquals("tanh", session.get("hiddenActivation").asText());
            assertTrue(session.get("link").asText().contains("learningRate=0.3"), session.toString());
            String warnings = session.get("warnings").toString();
            assertTrue(warnings.contains("activation: ") && warnings.contains("networkShape: "), warnings);
            c.send("{\"type\":\"play\"}");
            c.next(m -> m.path("type").asText().equals("status") && m.path("state").asText().equals("playing"), "playing");
        }
    }

    @Test
    void csvErrorNamesTheLine() throws Exception {
        try (WsClient c = loadH1()) {
            c.send("{\"type\":\"loadCsv\",\"name\":\"x.csv\",\"content\":\"a,b,c\\n1,2,0\\n1,x,1\\n\"}");
            assertTrue(c.next("error").get("message").asText().contains("line 3"));
        }
    }

    @Test
    void playStreamsFramesAndPauseStops() throws Exception {
        try (WsClient c = loadH1()) {
            c.frameAt(0);
            c.send("{\"type\":\"play\"}");
            c.next(m -> m.path("state").asText().equals("playing"), "playing status");
            Frame later = c.nextFrame(f -> f.epoch() >= 20, "frame after 20 epochs");
            assertTrue(later.historyTrain().length >= 1);
            c.send("{\"type\":\"pause\"}");
            c.next(m -> m.path("state").asText().equals("paused"), "paused status");
        }
    }

    @Test
    void serverRefusesSessionsBeyondItsLimit() throws Exception {
        try (PlaygroundServer small = PlaygroundServer.start(ServerConfig.defaults().withHost("127.0.0.1").withPort(0).withLimits(1, 1, 50));
             WsClient first = WsClient.connect(small.port())) {
            // the first has its session before the second knocks (connect events may otherwise race)
            first.send("{\"type\":\"load\",\"link\":\"seed=1\"}");
            first.next("session");
            try (WsClient second = WsClient.connect(small.port())) {
                assertTrue(second.next("error").get("message").asText().contains("full"));
                assertEquals(1013, second.closed.get(30, TimeUnit.SECONDS));
            }
            first.send("{\"type\":\"step\"}");
            first.frameAt(1);
        }
    }

    @Test
    void divergencePausesAndSaysWhatToTry() throws Exception {
        try (WsClient c = WsClient.connect(server.port())) {
            c.send("{\"type\":\"load\",\"link\":\"learningRate=10&seed=0.3&networkShape=8,8,8,8&activation=relu&problem=regression&regDataset=reg-gauss\"}");
            c.next("session");
            c.send("{\"type\":\"speed\",\"epochsPerFrame\":0}");
            c.send("{\"type\":\"play\"}");
            JsonNode diverged = c.next(m -> m.path("state").asText().equals("diverged"), "diverged status");
            assertTrue(diverged.get("message").asText().contains("lower learning rate"), diverged.toString());
            c.send("{\"type\":\"play\"}");
            assertTrue(c.next("error").get("message").asText().contains("reset"));
            c.send("{\"type\":\"reset\"}");
            c.frameAt(0);
        }
    }

    @Test
    void floodingIsRefusedAndTheSessionKeepsWorking() throws Exception {
        try (WsClient c = loadH1()) {
            c.frameAt(0);
            for (int i = 0; i < 300; i++) c.send("{\"type\":\"pause\"}");
            c.next(m -> m.path("type").asText().equals("error") && m.path("message").asText().contains("too many messages"), "rate error");
            Thread.sleep(2500);
            c.send("{\"type\":\"step\"}");
            assertEquals(h1.get("lossTrain").get(1).asDouble(), c.frameAt(1).lossTrain(), 0.0);
        }
    }

    @Test
    void vanishedAndIdleClientsAreFreedAndStopClosesSockets() throws Exception {
        ServerConfig config = ServerConfig.defaults().withHost("127.0.0.1").withPort(0).withIdleTimeout(java.time.Duration.ofSeconds(5));
        // 5 s: a socket idle for the limit is closed, and a loaded machine may build the load below for more than 1 s
        try (PlaygroundServer s = PlaygroundServer.start(config)) {
            WsClient vanished = WsClient.connect(s.port());
            vanished.send("{\"type\":\"load\",\"link\":\"seed=1\"}");
            vanished.next("session");
            vanished.abort();
            WsClient idle = WsClient.connect(s.port());
            idle.closed.get(30, TimeUnit.SECONDS); // throws if the idle socket is not closed
            awaitSessions(s, 0);
        }
        try (PlaygroundServer s = PlaygroundServer.start(ServerConfig.defaults().withHost("127.0.0.1").withPort(0))) {
            WsClient open = WsClient.connect(s.port());
            open.send("{\"type\":\"load\",\"link\":\"seed=1\"}");
            open.next("session");
            s.stop();
            assertEquals(1001, open.closed.get(30, TimeUnit.SECONDS));
        }
    }

    private static void awaitSessions(PlaygroundServer s, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (s.sessions() != expected && System.nanoTime() < deadline) Thread.sleep(50);
        assertEquals(expected, s.sessions());
    }

    @Test
    void healthAnswersJson() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertEquals("ok", new ObjectMapper().readTree(r.body()).get("status").asText());
    }

    private static boolean differentGrid(Frame a, Frame b) {
        for (int i = 0; i < a.gridSize() * a.gridSize(); i++) if (a.grids()[i] != b.grids()[i]) return true;
        return false;
    }
}
