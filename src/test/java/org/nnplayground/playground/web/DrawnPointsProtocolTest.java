package org.nnplayground.playground.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A drawing over a real socket: the points after the first change the run in place, so its epochs and weights go on. */
class DrawnPointsProtocolTest {
    /** C1 at the smallest rate: training hardly moves the weights, so the frames after the points must show the same network. */
    private static final String SLOW_C1 = "activation=tanh&batchSize=10&dataset=circle&learningRate=0.00001&regularizationRate=0"
            + "&noise=0&networkShape=4,2&seed=0.12345&percTrainData=50&x=true&y=true&problem=classification";
    private static final int MORE = 40;
    private static PlaygroundServer server;

    @BeforeAll
    static void start() { server = PlaygroundServer.start(ServerConfig.defaults().withHost("127.0.0.1").withPort(0)); }

    @AfterAll
    static void stop() { server.stop(); }

    @Test
    void morePointsKeepTheEpochCounterAndTheWeightsGoingOn() throws Exception {
        try (WsClient c = WsClient.connect(server.port())) {
            c.send("{\"type\":\"load\",\"link\":\"" + SLOW_C1 + "\"}");
            c.next("session");
            c.send("{\"type\":\"drawPoint\",\"x\":2,\"y\":2,\"label\":1}");
            assertEquals(1, c.next("session").get("train").size(), "the first point makes the drawing's run");
            Frame before = c.nextFrame(f -> f.epoch() >= 3, "3 epochs of the drawing");

            for (int i = 0; i < MORE; i++) {
                c.send(String.format(Locale.ROOT, "{\"type\":\"drawPoint\",\"x\":%.2f,\"y\":%.2f,\"label\":%d}",
                        -5 + 10.0 * i / MORE, (i % 7) - 3.0, i % 2 == 0 ? 1 : -1));
            }
            List<String> types = new ArrayList<>();
            JsonNode all = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WsClient.WAIT_SECONDS);
            while (all == null && System.nanoTime() < deadline) {
                JsonNode m = c.texts.poll(100, TimeUnit.MILLISECONDS);
                if (m == null) continue;
                types.add(m.path("type").asText());
                if (m.path("type").asText().equals("points") && m.get("train").size() == 1 + MORE) all = m;
            }
            assertTrue(all != null, "no points message with every point; had " + types);
            assertTrue(!types.contains("session"), "no new run for the later points: " + types);
            assertEquals(0, all.get("test").size(), "every drawn point trains");
            assertEquals(-5, all.get("train").get(1).get(0).asDouble(), 1e-9, "the points in the order drawn");

            // every frame from before the points to well after them: the epochs only go up
            int last = before.epoch();
            Frame after;
            do {
                after = c.nextFrame(f -> true, "a frame");
                assertTrue(after.epoch() >= last, "epoch " + after.epoch() + " after " + last + ": the run started again");
                last = after.epoch();
            } while (after.epoch() < before.epoch() + 20);
            assertEquals(before.weights().length, after.weights().length);
            for (int i = 0; i < before.weights().length; i++) {
                assertEquals(before.weights()[i], after.weights()[i], 0.01, "weight " + i + " went on from where it was");
            }
        }
    }
}
