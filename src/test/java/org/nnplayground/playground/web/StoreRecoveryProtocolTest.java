package org.nnplayground.playground.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The disk under the embedded database fails while the server runs: saved runs stay readable (a
 * read never needs a write), saves are refused in plain words, and once the disk is fixed everything
 * works again without a restart. A data directory deleted under the server is reported, never
 * answered 201 and lost.
 */
class StoreRecoveryProtocolTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path temp;

    @Test
    void aFullDiskLeavesSavedRunsReadableAndSavesWorkAgainOnceSpaceIsFreed() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(24)) {
            assumeTrue(disk != null, "needs the right to mount a tmpfs");
            PlaygroundServer server = start(disk.dir.resolve("data"));
            try {
                String id = saved(server);
                disk.fill();
                assertEquals(200, get(server, "/api/runs/" + id).statusCode(), "a saved run reads on a full disk");
                assertEquals(200, get(server, "/r/" + id).statusCode());
                HttpResponse<String> refused = post(server);
                assertEquals(503, refused.statusCode(), refused.body());
                assertTrue(refused.body().contains("disk is full"), refused.body());
                disk.free();
                String after = savedWithin(server, 30);
                assertEquals(200, get(server, "/api/runs/" + after).statusCode());
                assertEquals(200, get(server, "/api/runs/" + id).statusCode());
            } finally {
                server.stop();
            }
        }
    }

    @Test
    void aReadOnlyDataDirectoryLeavesSavedRunsReadableAndSavesWorkAgainOnceWritable() throws Exception {
        Path data = temp.resolve("data");
        PlaygroundServer server = start(data);
        try {
            String id = saved(server);
            assumeTrue(SmallDisk.readOnly(data, true), "needs chattr");
            try {
                assertEquals(200, get(server, "/api/runs/" + id).statusCode(), "a saved run reads in a read-only directory");
                HttpResponse<String> refused = post(server);
                assertEquals(503, refused.statusCode(), refused.body());
            } finally {
                SmallDisk.readOnly(data, false);
            }
            String after = savedWithin(server, 30);
            assertEquals(200, get(server, "/api/runs/" + after).statusCode());
            assertEquals(200, get(server, "/api/runs/" + id).statusCode());
        } finally {
            server.stop();
        }
    }

    @Test
    void aDataDirectoryDeletedWhileRunningIsReportedAndSavesAreRefusedUntilItIsBack() throws Exception {
        Path data = temp.resolve("data");
        PlaygroundServer server = start(data);
        try {
            saved(server);
            try (var files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            HttpResponse<String> refused = post(server);
            assertEquals(503, refused.statusCode(), "a save into a deleted directory would be lost: " + refused.body());
            String message = JSON.readTree(refused.body()).get("error").asText();
            assertTrue(message.contains("data directory") && message.contains("removed"), message);
            JsonNode health = JSON.readTree(get(server, "/health").body());
            assertTrue(health.get("store").get("problem").asText().contains("removed"), health.toString());
            assertFalse(Files.exists(data), "the server does not make a new empty directory behind the operator's back");

            Files.createDirectories(data); // the operator puts it back
            String after = savedWithin(server, 30);
            assertEquals(200, get(server, "/api/runs/" + after).statusCode());
            assertTrue(JSON.readTree(get(server, "/health").body()).get("store").path("problem").isMissingNode(),
                    "the problem is gone from /health");
        } finally {
            server.stop();
        }
    }

    private static PlaygroundServer start(Path data) {
        return PlaygroundServer.start(ServerConfig.defaults().withHost("127.0.0.1").withPort(0)
                .withStore(new StoreSettings(data, null, 90, 1000, StoreSettings.DEFAULT_MAX_RUN_BYTES)));
    }

    /** Saves a small run over HTTP; its id. */
    private static String saved(PlaygroundServer server) throws Exception {
        HttpResponse<String> r = post(server);
        assertEquals(201, r.statusCode(), r.body());
        return JSON.readTree(r.body()).get("id").asText();
    }

    /** Saves until one is answered 201 (the store opens again a moment after a failure), at most {@code seconds}. */
    private static String savedWithin(PlaygroundServer server, int seconds) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        HttpResponse<String> r = post(server);
        while (r.statusCode() == 503 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            r = post(server);
        }
        assertEquals(201, r.statusCode(), r.body());
        return JSON.readTree(r.body()).get("id").asText();
    }

    private static HttpResponse<String> post(PlaygroundServer server) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/runs"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("link", "networkShape=4,2", "epochs", 2)))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(PlaygroundServer server, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
