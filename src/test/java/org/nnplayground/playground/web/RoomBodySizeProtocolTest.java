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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The room routes read their bodies with a limit: a body over 16 KiB answers 413 in plain words and changes nothing. */
class RoomBodySizeProtocolTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Path data;
    private static PlaygroundServer server;

    @BeforeAll
    static void start() throws Exception {
        data = Files.createTempDirectory("room-body-size-");
        server = PlaygroundServer.start(RoomServers.config(data));
    }

    @AfterAll
    static void stop() throws Exception {
        RoomServers.stop(server, data);
    }

    private static HttpResponse<String> post(String path, String body, String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) b.header(RoomRoutes.KEY_HEADER, key);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void oversizedBodiesAreRefusedBeforeTheyAreRead() throws Exception {
        String[] room = RoomServers.room(server, "dataset=xor");
        String padding = "x".repeat(20_000);
        HttpResponse<String> join = post("/api/rooms/" + room[0] + "/students", "{\"name\":\"Ada\",\"pad\":\"" + padding + "\"}", null);
        assertEquals(413, join.statusCode(), join.body());
        assertTrue(join.body().contains("at most 16384 bytes"), join.body());
        HttpResponse<String> action = post("/api/rooms/" + room[0] + "/actions", "{\"type\":\"notice\",\"text\":\"" + padding + "\"}", room[1]);
        assertEquals(413, action.statusCode(), action.body());
        // a body within the limit is still taken
        assertEquals(201, RoomServers.post(server, "/api/rooms/" + room[0] + "/students", Map.of("name", "Ada")).statusCode());
        assertEquals(200, post("/api/rooms/" + room[0] + "/actions", "{\"type\":\"pauseAll\"}", room[1]).statusCode());
    }
}
