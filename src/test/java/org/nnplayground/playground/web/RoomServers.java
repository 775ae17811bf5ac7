package org.nnplayground.playground.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.nnplayground.playground.room.RoomLimits;
import org.nnplayground.playground.store.StoreSettings;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the class-room protocol tests share: a server on a data directory of its own, and rooms made over HTTP. */
final class RoomServers {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private RoomServers() {}

    /** A loopback server on {@code data} with 10 students a room (tests add their own settings). */
    static ServerConfig config(Path data) {
        return ServerConfig.defaults().withHost("127.0.0.1").withPort(0)
                .withStore(new StoreSettings(data, null, 90, 1000, StoreSettings.DEFAULT_MAX_RUN_BYTES))
                .withRooms(new RoomLimits(10, 50, Duration.ofSeconds(60), 30));
    }

    /** Stops the server and deletes its data directory. */
    static void stop(PlaygroundServer server, Path data) throws java.io.IOException {
        server.stop();
        deleteTree(data);
    }

    /** Deletes {@code dir} and everything under it. */
    static void deleteTree(Path dir) throws java.io.IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** POSTs {@code body} as JSON to {@code path}. */
    static HttpResponse<String> post(PlaygroundServer server, String path, Object body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POSTs {@code body} and expects 201 Created: the answer's JSON. */
    static JsonNode created(PlaygroundServer server, String path, Object body) throws Exception {
        HttpResponse<String> r = post(server, path, body);
        assertEquals(201, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    /** A new room on {@code exercise}: its code and teacher key (read from the teacher's link, as the dashboard does). */
    static String[] room(PlaygroundServer server, String exercise) throws Exception {
        JsonNode made = created(server, "/api/rooms", Map.of("exercise", exercise));
        String url = made.get("teacherUrl").asText();
        return new String[] {made.get("code").asText(), URLDecoder.decode(url.substring(url.indexOf("#key=") + 5), StandardCharsets.UTF_8)};
    }
}
