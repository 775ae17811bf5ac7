package org.nnplayground.playground.web;

import org.nnplayground.playground.store.TestPostgres;
import org.junit.jupiter.api.Test;
import org.nnplayground.playground.store.StoreSettings;

import java.net.http.WebSocketHandshakeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A full server: alone, it takes the socket and says why it closes it (1013), since the page has
 * nowhere else to go; one of several (a shared database) refuses the upgrade with 503, so the load
 * balancer tries another replica (nginx's proxy_next_upstream http_503).
 */
class FullReplicaProtocolTest {

    @Test
    void aFullReplicaRefusesTheUpgradeSoTheBalancerTriesAnother() throws Exception {
        String url = TestPostgres.url();
        assumeTrue(url != null && !url.isBlank(), "PG_TEST_URL is not set (scripts/test.sh sets it)");
        try (PlaygroundServer server = PlaygroundServer.start(config(url)); WsClient first = WsClient.connect(server.port())) {
            first.next("resumeToken");
            CompletionException refused = assertThrows(CompletionException.class, () -> WsClient.connect(server.port()));
            assertEquals(503, ((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode());
            CompletionException room = assertThrows(CompletionException.class, () -> WsClient.connectTo(server.port(), "/ws/room"));
            assertEquals(503, ((WebSocketHandshakeException) room.getCause()).getResponse().statusCode());
        }
    }

    @Test
    void aFullLoneServerTakesTheSocketAndSaysWhy() throws Exception {
        try (PlaygroundServer server = PlaygroundServer.start(config(null)); WsClient first = WsClient.connect(server.port());
             WsClient second = WsClient.connect(server.port())) {
            first.next("resumeToken");
            assertTrue(second.next("error").get("message").asText().contains("sessions"), "the page is told the server is full");
        }
    }

    /** One session at most; on PostgreSQL when {@code url} is given, else a lone server on H2. */
    private static ServerConfig config(String url) throws java.io.IOException {
        Path dir = Files.createTempDirectory("full-replica-");
        return ServerConfig.defaults().toBuilder().host("127.0.0.1").port(0).maxSessions(1)
                .store(new StoreSettings(dir, url, 90, 10, StoreSettings.DEFAULT_MAX_RUN_BYTES))
                .cluster(new ClusterSettings("full", Duration.ofSeconds(5)))
                .build();
    }
}
