package org.nnplayground.playground.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where the merged pieces meet (hardening x rooms x saved runs x course views), over a real port:
 * each test is a bug found by driving the merged product as a user and as a hostile client would.
 */
class CrossFeatureProtocolTest {
    private static PlaygroundServer server;
    private static Path data;

    @BeforeAll
    static void start() throws Exception {
        data = Files.createTempDirectory("cross-feature-");
        server = PlaygroundServer.start(ServerConfig.defaults().withHost("127.0.0.1").withPort(0)
                .withStore(new org.nnplayground.playground.store.StoreSettings(data, null, 90, 1000,
                        org.nnplayground.playground.store.StoreSettings.DEFAULT_MAX_RUN_BYTES)));
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
        try (var files = Files.walk(data)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** The room socket answers null, arrays, numbers and wrong kinds as /ws does: an error in the protocol's words, the socket lives. */
    @Test
    void roomSocketAnswersNonObjectsWithoutJavaInternals() throws Exception {
        try (WsClient c = WsClient.connectTo(server.port(), "/ws/room")) {
            for (String bad : new String[] {"null", "[]", "42", "\"play\"", "{\"type\":\"notice\",\"text\":[1]}", "{\"type\":\"nope\"}", "{"}) {
                c.send(bad);
                JsonNode e = c.next("error");
                String message = e.path("message").asText();
                assertFalse(message.matches("(?s).*(java\\.|Cannot |LinkedHashMap|getClass|`).*"), bad + " -> " + message);
            }
            // still open and answering
            c.send("{\"type\":\"pauseAll\"}");
            assertTrue(c.next("error").path("message").asText().contains("teacher"));
            assertThrows(TimeoutException.class, () -> c.closed.get(300, TimeUnit.MILLISECONDS));
        }
    }
}
