package org.nnplayground.playground.web;

import com.fasterxml.jackson.databind.JsonNode;
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

/** The teacher keeps their class over a real port, whatever the class (on the same address) does. */
class RoomTeacherProtocolTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Path data;
    private static PlaygroundServer server;

    @BeforeAll
    static void start() throws Exception {
        data = Files.createTempDirectory("rooms-teacher-");
        server = PlaygroundServer.start(RoomServers.config(data));
    }

    @AfterAll
    static void stop() throws Exception { RoomServers.stop(server, data); }

    private static HttpResponse<String> send(String method, String path, String body, String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (key != null) b.header("X-Teacher-Key", key);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void wrongCodesFromTheClassAddressLeaveTheTeachersActionsReportAndDashboard() throws Exception {
        String[] room = RoomServers.room(server, "dataset=xor&seed=0.5");
        int tooMany = 0;
        for (int i = 0; i < 35; i++) {
            int status = RoomServers.post(server, "/api/rooms/ZZZZZ9/students", Map.of("name", "guess")).statusCode();
            if (status == 429) tooMany++;
        }
        assertEquals(5, tooMany, "the address is held back after 30 wrong codes");
        assertEquals(429, RoomServers.post(server, "/api/rooms/" + room[0] + "/students", Map.of("name", "Ann")).statusCode(),
                "a right code without the key waits too");

        assertEquals(204, send("POST", "/api/rooms/" + room[0] + "/actions", "{\"type\":\"pauseAll\"}", room[1]).statusCode());
        HttpResponse<String> report = send("GET", "/api/rooms/" + room[0] + "/report.csv", null, room[1]);
        assertEquals(200, report.statusCode(), report.body());
        assertTrue(report.body().startsWith("name,"), report.body());
        try (WsClient t = WsClient.connectTo(server.port(), "/ws/room")) {
            t.send("{\"type\":\"teach\",\"code\":\"" + room[0] + "\",\"key\":\"" + room[1] + "\"}");
            JsonNode teaching = t.next("teaching");
            assertEquals(room[0], teaching.get("code").asText());
            t.send("{\"type\":\"resumeAll\"}");
            assertEquals("resumeAll", t.next("done").get("request").asText());
        }
        assertEquals(429, send("POST", "/api/rooms/" + room[0] + "/actions", "{\"type\":\"pauseAll\"}", room[1] + "x").statusCode(),
                "a wrong key is still held back");
        assertEquals(204, send("POST", "/api/rooms/" + room[0] + "/actions", "{\"type\":\"closeRoom\"}", room[1]).statusCode());
    }
}
