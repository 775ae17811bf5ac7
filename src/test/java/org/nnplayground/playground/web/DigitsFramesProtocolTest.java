package org.nnplayground.playground.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An image run's traffic: its frames carry no weights (no page draws a 784-input network), its
 * first layer's weight images come in the digits messages only while the page shows them, and its
 * gallery's images once per run (each full report carries only their predicted classes).
 */
class DigitsFramesProtocolTest {
    private static final String DIGITS = "dataset=mnist&networkShape=16&activation=relu&optimizer=adam&batchSize=50"
            + "&learningRate=0.003&seed=0.5";
    private static PlaygroundServer server;

    @BeforeAll
    static void start() throws Exception { server = PlaygroundServer.start(ServerConfig.defaults().withHost("127.0.0.1").withPort(0)); }

    @AfterAll
    static void stop() throws Exception { server.stop(); }

    @Test
    void framesCarryNoWeightsAndWeightImagesGoOnlyWhileShown() throws Exception {
        try (WsClient page = WsClient.connect(server.port())) {
            page.send("{\"type\":\"load\",\"link\":\"" + DIGITS + "\"}");
            assertEquals(28, page.next("session").get("imageSide").asInt());
            Frame first = page.frameAt(0);
            assertEquals(0, first.weights().length, "an image run's frame has no weights");
            // the build's full report: the gallery, then the 16 neurons' weight images (shown by default)
            page.next(m -> m.path("type").asText().equals("digits") && m.has("weights") && !m.get("weights").isNull(), "weight images");

            page.send("{\"type\":\"weightImages\",\"on\":false}");
            page.send("{\"type\":\"step\",\"epochs\":1}");
            // after the epoch: the gallery's predictions and confusion matrix, and no weight images, until the page shows them again
            JsonNode report = nextDigits(page, m -> m.get("epoch").asInt() == 1 && has(m, "galleryPredicted"));
            assertTrue(report.get("confusion").isArray());
            assertEquals(0, page.nextFrame(f -> f.epoch() == 1, "frame at epoch 1").weights().length);
            page.send("{\"type\":\"weightImages\",\"on\":true}");
            // shown again, a new full report comes at once (paused): its gallery part first, so no weights came while off
            JsonNode again = nextDigits(page, m -> has(m, "galleryPredicted") || has(m, "weights"));
            assertTrue(has(again, "galleryPredicted") && again.get("epoch").asInt() == 1, "no weight images while off screen: " + again);
            JsonNode parts = nextDigits(page, m -> has(m, "weights"));
            assertEquals(1, parts.get("epoch").asInt(), "the weights of the trained network");
            assertEquals(16 * 784, java.util.Base64.getDecoder().decode(parts.get("weights").asText()).length);
            assertFalse(has(parts, "gallery"), "a weights part");
        }
    }

    @Test
    void theGallerysImagesGoOncePerRunAndItsPredictionsEveryEpoch() throws Exception {
        try (WsClient page = WsClient.connect(server.port())) {
            page.send("{\"type\":\"load\",\"link\":\"" + DIGITS + "\"}");
            page.next("session");
            page.send("{\"type\":\"weightImages\",\"on\":false}");
            JsonNode built = nextDigits(page, m -> has(m, "galleryPredicted"));
            assertEquals(40 * 784, java.util.Base64.getDecoder().decode(built.get("gallery").asText()).length, "the images with the build's report");
            assertEquals(40, built.get("galleryLabels").size());
            assertEquals(40, built.get("galleryPredicted").size());

            page.send("{\"type\":\"step\",\"epochs\":2}");
            int reports = 0;
            for (int epoch = 1; epoch <= 2; ) {
                JsonNode m = page.next("digits");
                assertFalse(has(m, "gallery") || has(m, "galleryLabels"), "the same run's images are not sent again: " + m.get("epoch"));
                if (has(m, "galleryPredicted")) {
                    reports++;
                    assertEquals(40, m.get("galleryPredicted").size());
                    epoch = m.get("epoch").asInt() + 1;
                }
            }
            assertTrue(reports >= 1, "the epochs' predictions");

            // a new run (the same link loaded again) has its own test data: its images come again
            page.send("{\"type\":\"load\",\"link\":\"" + DIGITS.replace("seed=0.5", "seed=0.7") + "\"}");
            page.next("session");
            JsonNode rebuilt = nextDigits(page, m -> has(m, "galleryPredicted"));
            assertEquals(0, rebuilt.get("epoch").asInt());
            assertTrue(has(rebuilt, "gallery") && rebuilt.get("galleryLabels").size() == 40, "a new run's gallery");
            assertFalse(rebuilt.get("galleryLabels").equals(built.get("galleryLabels")), "another seed, other test images");
        }
    }

    private static boolean has(JsonNode m, String field) { return m.has(field) && !m.get(field).isNull(); }

    /** The next digits message passing {@code wanted}; fails on a weights part before it while they are off. */
    private static JsonNode nextDigits(WsClient page, java.util.function.Predicate<JsonNode> wanted) throws Exception {
        for (int attempt = 0; ; attempt++) {
            try {
                return page.next(m -> m.path("type").asText().equals("digits") && wanted.test(m), "digits");
            } catch (AssertionError notYet) {
                if (attempt == 5) throw notYet; // an image epoch on a busy machine: up to a minute
            }
        }
    }
}
