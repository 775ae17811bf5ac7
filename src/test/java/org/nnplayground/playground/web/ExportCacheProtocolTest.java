package org.nnplayground.playground.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A saved run's exports are rendered once and then served from memory with an ETag; renders are
 * limited per address (a big run's boundary.png takes seconds), cached answers are not.
 */
class ExportCacheProtocolTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String[] EXPORTS = {"keras.py", "tfjs/model.json", "tfjs/weights.bin", "losses.csv", "boundary.png"};
    private static Path data;
    private static PlaygroundServer server;

    @BeforeAll
    static void start() throws Exception {
        data = Files.createTempDirectory("export-cache");
        server = PlaygroundServer.start(RoomServers.config(data));
    }

    @AfterAll
    static void stop() throws Exception { RoomServers.stop(server, data); }

    @Test
    void anExportIsRenderedOnceTaggedAndRendersAreLimitedPerAddress() throws Exception {
        String id = RoomServers.created(server, "/api/runs", Map.of("link", "dataset=xor&networkShape=3&seed=0.1", "epochs", 5)).get("id").asText();
        HttpResponse<byte[]> first = get(id, "keras.py", null);
        assertEquals(200, first.statusCode());
        String tag = first.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag"));
        assertEquals(304, get(id, "keras.py", tag).statusCode(), "the client's copy is current");
        assertEquals(404, get("AAAAAAAAAAAAAAAAAAAAAA", "keras.py", null).statusCode());
        String[] others = {
            RoomServers.created(server, "/api/runs", Map.of("link", "dataset=circle&networkShape=3&seed=0.2", "epochs", 5)).get("id").asText(),
            RoomServers.created(server, "/api/runs", Map.of("link", "dataset=gauss&networkShape=3&seed=0.3", "epochs", 5)).get("id").asText()};
        int rendered = 0;
        long start = System.nanoTime();
        for (String run : others) {
            for (String export : EXPORTS) {
                HttpResponse<byte[]> r = get(run, export, null);
                if (r.statusCode() == 200) rendered++;
                else assertEquals(429, r.statusCode(), export);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        // the bucket: a burst of twice the rate, then the rate, whatever the machine's speed
        assertTrue(rendered <= 2 * ExportCache.RENDERS_PER_SECOND + ExportCache.RENDERS_PER_SECOND * seconds + 1,
                rendered + " renders in " + seconds + " s");
        for (int i = 0; i < 10; i++) {
            HttpResponse<byte[]> again = get(id, "keras.py", null);
            assertEquals(200, again.statusCode(), "a cached export costs no render, so it is never limited");
            assertArrayEquals(first.body(), again.body());
        }
    }

    private static HttpResponse<byte[]> get(String id, String export, String tag) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/runs/" + id + "/" + export));
        if (tag != null) b.header("If-None-Match", tag);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
