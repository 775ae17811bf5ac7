package org.nnplayground.playground.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nnplayground.playground.store.JdbcRunStore;
import org.nnplayground.playground.store.StoreSettings;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A database that refuses writes (as a full disk does): the schema exists, then the server opens it
 * read-only (H2's ACCESS_MODE_DATA=r; file permissions mean nothing to root). Saving over the socket
 * and over HTTP answers a plain error, with no SQL and no Java names, and training goes on.
 */
class StoreFailureProtocolTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String LINK = "networkShape=4,2&activation=tanh";
    private static Path data;
    private static PlaygroundServer server;

    @BeforeAll
    static void start() throws Exception {
        data = Files.createTempDirectory("store-failure-");
        // the schema, written once by a store of its own
        JdbcRunStore.open(new StoreSettings(data, null, 90, 1000, StoreSettings.DEFAULT_MAX_RUN_BYTES)).close();
        String readOnly = "jdbc:h2:file:" + data.toAbsolutePath().resolve("playground")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;ACCESS_MODE_DATA=r;USER=sa;PASSWORD=";
        server = PlaygroundServer.start(ServerConfig.defaults().withHost("127.0.0.1").withPort(0)
                .withStore(new StoreSettings(data, readOnly, 90, 1000, StoreSettings.DEFAULT_MAX_RUN_BYTES)));
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
        try (var files = Files.walk(data)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** A message a student or a script may read: what failed in plain words, nothing of the database's internals. */
    private static void assertPlain(String message) {
        assertTrue(message.startsWith("could not save the run"), message);
        assertTrue(message.contains("training goes on"), message);
        for (String internal : new String[] {"SQL", "sql", "INSERT", "runs (", "Exception", "org.", "java.", "jdbc", "[", "90097"}) {
            assertFalse(message.contains(internal), "'" + internal + "' in: " + message);
        }
    }

    @Test
    void aSaveOverTheSocketAnswersAPlainErrorAndTrainingGoesOn() throws Exception {
        try (WsClient c = WsClient.connect(server.port())) {
            c.send("{\"type\":\"load\",\"link\":\"" + LINK + "\"}");
            c.next("session");
            c.frameAt(0);
            c.send("{\"type\":\"play\"}");
            c.frameAt(5);
            c.send("{\"type\":\"save\"}");
            JsonNode error = c.next("error");
            assertEquals("save", error.get("request").asText());
            assertPlain(error.get("message").asText());
            int epoch = c.frames.stream().mapToInt(Frame::epoch).max().orElse(0);
            c.frameAt(epoch + 10);
            assertFalse(c.closed.isDone(), "the socket stays open");
        }
    }

    @Test
    void aSaveOverHttpAnswers503WithAPlainError() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/runs"))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("link", LINK, "epochs", 3)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(503, r.statusCode(), r.body());
        assertPlain(JSON.readTree(r.body()).get("error").asText());
        HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode(), "the server keeps serving: " + health.body());
    }
}
