package org.nnplayground.playground.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The page never breaks, over a real socket: the divergence note follows the rate, speed is part of the link, coherent output and loss. */
class PageProtocolTest {
    private static PlaygroundServer server;

    @BeforeAll
    static void start() {
        server = PlaygroundServer.start(ServerConfig.defaults().withHost("127.0.0.1").withPort(0));
    }

    @AfterAll
    static void stop() { server.stop(); }

    @Test
    void theDivergenceNoteFollowsTheLearningRateInUse() throws Exception {
        try (WsClient c = WsClient.connect(server.port())) {
            c.send("{\"type\":\"load\",\"link\":\"learningRate=10&seed=0.3&networkShape=8,8,8,8&activation=relu&problem=regression&regDataset=reg-gauss&speed=0\"}");
            c.next("session");
            c.send("{\"type\":\"play\"}");
            JsonNode diverged = c.next(m -> m.path("state").asText().equals("diverged"), "diverged status");
            assertTrue(diverged.get("message").asText().contains("now 10"), diverged.toString());
            c.send("{\"type\":\"set\",\"key\":\"learningRate\",\"value\":\"0.001\"}");
            JsonNode again = c.next(m -> m.path("state").asText().equals("diverged") && m.path("message").asText().contains("0.001"),
                    "a divergence note naming the new rate");
            assertTrue(again.get("message").asText().contains("now 0.001"), again.toString());
        }
    }

    @Test
    void speedIsPartOfTheLinkAndSoftmaxBringsCrossEntropy() throws Exception {
        try (WsClient c = WsClient.connect(server.port())) {
            c.send("{\"type\":\"load\",\"link\":\"dataset=circle&seed=0.2&speed=5\"}");
            JsonNode session = c.next("session");
            assertTrue(session.get("link").asText().contains("speed=5"), session.toString());
            assertTrue(session.get("tfExact").asBoolean(), "speed changes no number");
            assertEquals("square", session.get("effective").get("loss").asText());
            c.send("{\"type\":\"set\",\"key\":\"output\",\"value\":\"softmax\"}");
            JsonNode rebuilt = c.next(m -> m.path("type").asText().equals("session") && m.path("loss").asText().equals("crossentropy"), "softmax session");
            assertEquals("softmax", rebuilt.get("outputActivation").asText());
            JsonNode note = c.next("error");
            assertTrue(note.get("message").asText().contains("cross-entropy"), note.toString());
        }
    }
}
