package org.nnplayground.playground.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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

    /** A server of its own for each test: one test's wrong codes must not hold back the next. */
    @BeforeEach
    void start() throws Exception {
        data = Files.createTempDirectory("rooms-teacher-");
        server = PlaygroundServer.start(RoomServers.config(data));
    }

    @AfterEach
    void stop() throws Exception { RoomServers.stop(server, data); }

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

        assertEquals(200, send("POST", "/api/rooms/" + room[0] + "/actions", "{\"type\":\"pauseAll\"}", room[1]).statusCode());
        HttpResponse<String> report = send("GET", "/api/rooms/" + room[0] + "/report.csv", null, room[1]);
        assertEquals(200, report.statusCode(), report.body());
        assertTrue(report.body().startsWith("name,"), report.body());
        try (WsClient t = WsClient.connectTo(server.port(), "/ws/room")) {
            t.send("{\"type\":\"teach\",\"code\":\"" + room[0] + "\",\"key\":\"" + room[1] + "\"}");
            JsonNode teaching = t.nextKeepingOthers("teaching");
            assertEquals(room[0], teaching.get("code").asText());
            t.send("{\"type\":\"resumeAll\"}");
            assertEquals("resumeAll", t.next("done").get("request").asText());
        }
        assertEquals(429, send("POST", "/api/rooms/" + room[0] + "/actions", "{\"type\":\"pauseAll\"}", room[1] + "x").statusCode(),
                "a wrong key is still held back");
        assertEquals(200, send("POST", "/api/rooms/" + room[0] + "/actions", "{\"type\":\"closeRoom\"}", room[1]).statusCode());
    }

    private static WsClient student(String token) throws Exception { return RoomClient.resume(server, token); }

    private static WsClient teacher(String[] room) throws Exception { return RoomClient.teacher(server, room[0], room[1]); }

    @Test
    void namesAreToldApartRemovalSticksAndTheLeaderboardFollowsResetAll() throws Exception {
        String[] room = RoomServers.room(server, "dataset=xor&activation=tanh&networkShape=3&learningRate=0.03&seed=0.5");
        JsonNode ada = RoomServers.created(server, "/api/rooms/" + room[0] + "/students", Map.of("name", "Ada"));
        JsonNode ada2 = RoomServers.created(server, "/api/rooms/" + room[0] + "/students", Map.of("name", "ada"));
        JsonNode ada3 = RoomServers.created(server, "/api/rooms/" + room[0] + "/students", Map.of("name", "Ada"));
        assertEquals("Ada", ada.get("name").asText());
        assertEquals("ada 2", ada2.get("name").asText());
        assertEquals("Ada 3", ada3.get("name").asText());

        try (WsClient t = teacher(room); WsClient a = student(ada.get("token").asText()); WsClient b = student(ada2.get("token").asText())) {
            // removal sticks: the token is refused in plain words, and so is the name
            t.send("{\"type\":\"removeStudent\",\"studentId\":\"" + ada3.get("studentId").asText() + "\"}");
            t.next("done");
            try (WsClient back = WsClient.connectTo(server.port(), "/ws/room")) {
                back.send("{\"type\":\"resume\",\"token\":\"" + ada3.get("token").asText() + "\"}");
                assertEquals("the teacher removed you from this class", back.next("error").get("message").asText());
            }
            HttpResponse<String> again = RoomServers.post(server, "/api/rooms/" + room[0] + "/students", Map.of("name", "ADA 3"));
            assertEquals(403, again.statusCode(), again.body());
            assertTrue(again.body().contains("the teacher removed"), again.body());

            // both play until the leaderboard has their runs past epoch 0; after "Reset all" it starts again
            a.send("{\"type\":\"play\"}");
            b.send("{\"type\":\"play\"}");
            t.next(m -> m.path("type").asText().equals("roster") && m.get("leaderboard").size() == 2
                    && m.get("leaderboard").get(0).get("epoch").asInt() > 20 && m.get("leaderboard").get(1).get("epoch").asInt() > 20,
                    "a leaderboard of two trained runs");
            t.send("{\"type\":\"pauseAll\"}");
            t.send("{\"type\":\"resetAll\"}");
            JsonNode after = t.next(m -> m.path("type").asText().equals("roster")
                    && m.get("leaderboard").size() == 2
                    && m.get("leaderboard").get(0).get("epoch").asInt() == 0 && m.get("leaderboard").get(1).get("epoch").asInt() == 0,
                    "the leaderboard of the runs since the reset");
            assertEquals(2, after.get("students").asInt());
        }
        assertEquals(200, send("POST", "/api/rooms/" + room[0] + "/actions", "{\"type\":\"closeRoom\"}", room[1]).statusCode());
    }
}
