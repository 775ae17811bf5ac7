package org.nnplayground.playground.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nnplayground.playground.data.CsvImport;
import org.nnplayground.playground.session.RunSnapshotTest;
import org.nnplayground.playground.store.StoreSettings;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code POST /api/runs} takes a CSV up to its limit (over Javalin's 1 MB body default) and refuses a larger body with 413. */
class RunPostSizeProtocolTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** A small network: 10,000 rows of 8 features stay inside the work per epoch. */
    private static final String SMALL = "networkShape=4,2&activation=tanh";
    private static Path data;
    private static PlaygroundServer server;

    @BeforeAll
    static void start() throws Exception {
        data = Files.createTempDirectory("run-post-size-");
        server = PlaygroundServer.start(ServerConfig.defaults().withHost("127.0.0.1").withPort(0)
                .withStore(new StoreSettings(data, null, 90, 1000, StoreSettings.DEFAULT_MAX_RUN_BYTES)));
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
        try (var files = Files.walk(data)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** A CSV of 10,000 rows (the most allowed), 8 features of 19 characters and a 0/1 label: about 1.6 MB. */
    private static String csv() {
        StringBuilder b = new StringBuilder("a,b,c,d,e,f,g,h,label\n");
        Random r = new Random(3);
        for (int row = 0; row < CsvImport.MAX_ROWS; row++) {
            for (int c = 0; c < 8; c++) b.append(String.format(java.util.Locale.ROOT, "%+.16f", r.nextDouble() * 2 - 1)).append(',');
            b.append(r.nextBoolean() ? 1 : 0).append('\n');
        }
        return b.toString();
    }

    private static HttpResponse<String> post(String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/runs"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aCsvOfOneAndAHalfMibIsSaved() throws Exception {
        String csv = csv();
        assertTrue(csv.length() > 3 * 1024 * 1024 / 2 && csv.length() < CsvImport.MAX_BYTES, csv.length() + " bytes");
        HttpResponse<String> r = post(JSON.writeValueAsString(Map.of("link", SMALL, "epochs", 0, "csv", csv, "label", "label")));
        assertEquals(201, r.statusCode(), r.body());
        String id = JSON.readTree(r.body()).get("id").asText();
        HttpResponse<String> run = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/runs/" + id)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, run.statusCode(), run.body());
    }

    @Test
    void aBodyOfThreeMibIsRefusedWith413AndAPlainMessage() throws Exception {
        String csv = "x".repeat(3 * 1024 * 1024);
        HttpResponse<String> r = post(JSON.writeValueAsString(Map.of("link", RunSnapshotTest.BOOK, "epochs", 0, "csv", csv)));
        assertEquals(413, r.statusCode(), r.body());
        JsonNode error = JSON.readTree(r.body());
        String message = error.get("error").asText();
        assertTrue(message.startsWith("the request is too large"), message);
        assertTrue(message.contains("2 MiB"), message);
        assertFalse(message.contains("Exception") || message.contains("io.javalin"), message);
        // the server keeps serving
        assertEquals(201, post(JSON.writeValueAsString(Map.of("link", RunSnapshotTest.BOOK, "epochs", 1))).statusCode());
    }
}
