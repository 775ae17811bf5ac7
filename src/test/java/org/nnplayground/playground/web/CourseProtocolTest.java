package org.nnplayground.playground.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The course messages over a real socket: insights on request, drawn points, a sweep in the background. */
class CourseProtocolTest {
    private static final String C1 = "activation=tanh&batchSize=10&dataset=circle&learningRate=0.03&regularizationRate=0"
            + "&noise=0&networkShape=4,2&seed=0.12345&percTrainData=50&x=true&y=true&problem=classification";
    private static PlaygroundServer server;

    @BeforeAll
    static void start() { server = PlaygroundServer.start(ServerConfig.defaults().withHost("127.0.0.1").withPort(0)); }

    @AfterAll
    static void stop() { server.stop(); }

    @Test
    void insightsComeOnlyWhenAskedAndCountEveryPoint() throws Exception {
        try (WsClient c = WsClient.connect(server.port())) {
            c.send("{\"type\":\"load\",\"link\":\"" + C1 + "\"}");
            c.next("session");
            c.send("{\"type\":\"step\",\"epochs\":3}");
            c.frameAt(3);
            Thread.sleep(200);
            assertTrue(c.texts.stream().noneMatch(m -> m.path("type").asText().equals("insights")), "nothing while hidden");
            c.send("{\"type\":\"insights\",\"on\":true}");
            c.send("{\"type\":\"step\",\"epochs\":2}");
            JsonNode in = c.next(m -> m.path("type").asText().equals("insights") && m.path("epoch").asInt() == 5, "insights at 5");
            int train = 0, test = 0;
            for (JsonNode row : in.get("confusionTrain")) for (JsonNode n : row) train += n.asInt();
            for (JsonNode row : in.get("confusionTest")) for (JsonNode n : row) test += n.asInt();
            assertEquals(250, train);
            assertEquals(250, test);
            assertEquals(3, in.get("gradients").get("layers").size(), "one series per layer");
            assertEquals(2, in.get("gradients").get("epochs").size(), "epochs 4 and 5 (collected since turned on)");
        }
    }

    @Test
    void regressionSendsPredictedVersusActualWithRSquared() throws Exception {
        try (WsClient c = WsClient.connect(server.port())) {
            c.send("{\"type\":\"load\",\"link\":\"problem=regression&regDataset=reg-plane&seed=0.2&networkShape=3\"}");
            c.next("session");
            c.send("{\"type\":\"insights\",\"on\":true}");
            c.send("{\"type\":\"step\",\"epochs\":20}");
            JsonNode in = c.next(m -> m.path("type").asText().equals("insights") && m.path("epoch").asInt() == 20, "insights");
            int n = in.get("predTest").size();
            assertTrue(n > 200 && n <= 400, n + " points: every test point up to the bound of 400");
            assertTrue(in.get("r2Test").asDouble() > 0.5, in.get("r2Test").toString());
            assertTrue(in.get("confusionTrain").isNull());
        }
    }

    @Test
    void drawnPointsBecomeTheTrainingDataAndTrainAtOnce() throws Exception {
        try (WsClient c = WsClient.connect(server.port())) {
            c.send("{\"type\":\"load\",\"link\":\"" + C1 + "\"}");
            c.next("session");
            c.send("{\"type\":\"drawPoint\",\"x\":2,\"y\":2,\"label\":1}");
            JsonNode s = c.next("session");
            assertEquals(1, s.get("train").size());
            assertEquals(0, s.get("test").size());
            assertEquals("playing", c.next(m -> m.path("type").asText().equals("status") && m.path("state").asText().equals("playing"), "playing").get("state").asText());
            // later points change the drawing's run in place: the page gets them in a points message
            c.send("{\"type\":\"drawPoint\",\"x\":-2,\"y\":-2,\"label\":-1}");
            assertEquals(2, c.next(m -> m.path("type").asText().equals("points") && m.get("train").size() == 2, "2 points").get("train").size());
            c.send("{\"type\":\"removePoint\",\"x\":-2.2,\"y\":-1.9}");
            assertEquals(1, c.next(m -> m.path("type").asText().equals("points") && m.get("train").size() == 1, "removed").get("train").size());
            c.send("{\"type\":\"drawPoint\",\"x\":9,\"y\":0,\"label\":1}");
            assertTrue(c.next("error").get("message").asText().contains("-6..6"));
            // picking a data set ends the drawing: its generated points come back
            c.send("{\"type\":\"set\",\"key\":\"dataset\",\"value\":\"xor\"}");
            assertEquals(250, c.next(m -> m.path("type").asText().equals("session") && m.get("train").size() > 1, "xor").get("train").size());
        }
    }

    @Test
    void aSweepRunsInTheBackgroundAndReportsItsTable() throws Exception {
        try (WsClient c = WsClient.connect(server.port())) {
            c.send("{\"type\":\"load\",\"link\":\"" + C1 + "\"}");
            c.next("session");
            c.send("{\"type\":\"sweep\",\"vary\":{\"learningRate\":[\"0.01\",\"0.1\"],\"networkShape\":[\"4:4\",\"2\"]},\"epochs\":20}");
            JsonNode done = awaitDone(c);
            assertEquals(4, done.get("total").asInt());
            assertEquals(4, done.get("rows").size());
            assertEquals("accuracy", done.get("metric").asText());
            assertTrue(done.get("rows").get(0).get("link").asText().contains("seed=0.12345"));
            c.send("{\"type\":\"sweep\",\"vary\":{\"learningRate\":[\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\",\"8\"],"
                    + "\"batchSize\":[\"1\",\"2\",\"3\"],\"noise\":[\"0\",\"5\",\"10\"]},\"epochs\":20}");
            assertTrue(c.next("error").get("message").asText().contains("too big"));
        }
    }

    @Test
    void earlyStoppingPausesWithTheBestEpochAndTheExtrasApplyLive() throws Exception {
        try (WsClient c = WsClient.connect(server.port())) {
            c.send("{\"type\":\"load\",\"link\":\"" + C1 + "&learningRate=3&earlyStop=3\"}");
            c.next("session");
            c.send("{\"type\":\"insights\",\"on\":true}");
            c.send("{\"type\":\"play\"}");
            JsonNode stop = c.next(m -> m.path("type").asText().equals("status") && m.path("message").asText().startsWith("Stopped early"), "early stop");
            assertEquals("paused", stop.get("state").asText());
            JsonNode in = c.next(m -> m.path("type").asText().equals("insights") && !m.path("bestEpoch").isNull(), "best epoch");
            assertTrue(stop.get("message").asText().contains("epoch " + in.get("bestEpoch").asInt()), stop.toString());
            // a schedule set live changes the rate the next update uses
            c.send("{\"type\":\"set\",\"key\":\"lrSchedule\",\"value\":\"step\"}");
            c.send("{\"type\":\"set\",\"key\":\"lrPeriod\",\"value\":\"1\"}");
            c.next(m -> m.path("type").asText().equals("link") && m.path("hash").asText().contains("lrPeriod=1"), "link");
            c.send("{\"type\":\"step\"}");
            JsonNode after = c.next(m -> m.path("type").asText().equals("insights") && m.path("learningRate").asDouble() < 3, "scheduled rate");
            assertEquals(3 * Math.pow(0.5, after.get("epoch").asInt()), after.get("learningRate").asDouble(), 1e-12);
        }
    }

    @Test
    void standardizeRebuildsTheDataAndSaysSoInTheSummary() throws Exception {
        try (WsClient c = WsClient.connect(server.port())) {
            c.send("{\"type\":\"load\",\"link\":\"" + C1 + "\"}");
            assertTrue(c.next("session").get("tfExact").asBoolean());
            c.send("{\"type\":\"set\",\"key\":\"standardize\",\"value\":\"true\"}");
            JsonNode s = c.next("session");
            assertTrue(!s.get("tfExact").asBoolean(), "a standardized link is not TF-exact");
            assertEquals("normalization (Normalization)", s.get("summary").get(0).get("name").asText());
            double sum = 0, sq = 0;
            for (JsonNode p : s.get("train")) { sum += p.get(0).asDouble(); sq += p.get(0).asDouble() * p.get(0).asDouble(); }
            int n = s.get("train").size();
            assertEquals(0, sum / n, 1e-9);
            assertEquals(1, sq / n, 1e-9);
        }
    }

    @Test
    void aDrawnDataSetIsKeptBySavedRuns(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        String id;
        Frame saved;
        try (PlaygroundServer a = SavedRunProtocolTest.start(dir); WsClient c = WsClient.connect(a.port())) {
            c.send("{\"type\":\"load\",\"link\":\"" + C1 + "\"}");
            c.next("session");
            double[][] points = {{2, 2, 1}, {-2, -2, -1}, {2, -2, 1}, {-2, 2, -1}};
            for (double[] p : points) {
                c.send("{\"type\":\"drawPoint\",\"x\":" + p[0] + ",\"y\":" + p[1] + ",\"label\":" + p[2] + "}");
            }
            c.next(m -> (m.path("type").asText().equals("session") || m.path("type").asText().equals("points")) && m.get("train").size() == 4, "4 drawn points");
            c.send("{\"type\":\"pause\"}");
            c.next(m -> m.path("type").asText().equals("status") && m.path("state").asText().equals("paused"), "paused");
            // the drawing's epochs go on from its first point: where the pause stopped them is the saved epoch
            c.send("{\"type\":\"save\"}");
            int paused = c.next("saved").get("epoch").asInt();
            c.send("{\"type\":\"step\",\"epochs\":5}");
            saved = c.frameAt(paused + 5);
            c.send("{\"type\":\"save\"}");
            JsonNode answer = c.next("saved");
            assertEquals(paused + 5, answer.get("epoch").asInt());
            id = answer.get("id").asText();
        }
        try (PlaygroundServer b = SavedRunProtocolTest.start(dir); WsClient c = WsClient.connect(b.port())) {
            c.send("{\"type\":\"loadRun\",\"run\":\"" + id + "\"}");
            JsonNode s = c.next("session");
            assertEquals(4, s.get("train").size(), "every drawn point is still training data");
            assertEquals(0, s.get("test").size());
            Frame restored = c.frameAt(saved.epoch());
            assertEquals(saved.lossTrain(), restored.lossTrain(), 0.0);
        }
    }

    private static JsonNode awaitDone(WsClient c) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            JsonNode m = c.texts.poll(100, TimeUnit.MILLISECONDS);
            if (m != null && m.path("type").asText().equals("sweep") && m.path("state").asText().equals("done")) return m;
        }
        throw new AssertionError("no finished sweep");
    }
}
