package org.nnplayground.playground.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What a class-room protocol test does as a page would, against the server it names: the room
 * routes over HTTP, a student's and a teacher's room socket, and waiting for a dashboard card.
 */
final class RoomClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private RoomClient() {}

    /** An HTTP answer: its status, its body as JSON (null when it is not JSON, as the CSV report) and as text. */
    record Reply(int status, JsonNode json, String text) {}

    /** A room: its code, the teacher's key and the answer that made it. */
    record Made(String code, String key, JsonNode json) {}

    /** A joined student and their open room socket. */
    record Pupil(String id, String token, WsClient socket) implements AutoCloseable {
        public void close() { socket.close(); }
    }

    /** {@code method} on {@code path} with an optional body and teacher key. */
    static Reply http(PlaygroundServer server, String method, String path, String body, String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (key != null) b.header("X-Teacher-Key", key);
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = null;
        try {
            json = JSON.readTree(r.body());
        } catch (Exception notJson) {
            // the CSV report
        }
        return new Reply(r.statusCode(), json, r.body());
    }

    /** A new room on {@code exercise} (none: null); the key is read from the teacher's link, as the dashboard does. */
    static Made room(PlaygroundServer server, String exercise) throws Exception {
        Reply r = http(server, "POST", "/api/rooms", exercise == null ? "" : JSON.writeValueAsString(Map.of("exercise", exercise)), null);
        assertEquals(201, r.status(), r.text());
        String teacherUrl = r.json().get("teacherUrl").asText();
        String key = URLDecoder.decode(teacherUrl.substring(teacherUrl.indexOf("#key=") + 5), StandardCharsets.UTF_8);
        return new Made(r.json().get("code").asText(), key, r.json());
    }

    /** The join request alone, whatever it answers. */
    static Reply joinRequest(PlaygroundServer server, Made room, String name) throws Exception {
        return http(server, "POST", "/api/rooms/" + room.code() + "/students", JSON.writeValueAsString(Map.of("name", name)), null);
    }

    /** Joins by code through {@code server}, then connects the student's socket there with the token (as the page does). */
    static Pupil join(PlaygroundServer server, Made room, String name) throws Exception {
        Reply j = joinRequest(server, room, name);
        assertEquals(201, j.status(), j.text());
        String token = j.json().get("token").asText();
        return new Pupil(j.json().get("studentId").asText(), token, resume(server, token));
    }

    /**
     * A room socket that has sent {@code first}, its role's message. A socket takes its role within
     * RoleDeadline's few seconds or is closed; on a loaded machine the send can come too late, and
     * then a new socket tries again (what a page does when its socket closes).
     */
    static WsClient withRole(PlaygroundServer server, String first) {
        for (int attempt = 1; ; attempt++) {
            WsClient c = WsClient.connectTo(server.port(), "/ws/room");
            try {
                c.send(first);
                return c;
            } catch (java.util.concurrent.CompletionException closedBeforeTheSend) {
                if (attempt == 3) throw closedBeforeTheSend;
            }
        }
    }

    /** A room socket that resumes the student with {@code token}, once it says joined. */
    static WsClient resume(PlaygroundServer server, String token) throws Exception {
        WsClient c = withRole(server, "{\"type\":\"resume\",\"token\":\"" + token + "\"}");
        c.nextKeepingOthers("joined");
        return c;
    }

    /** A teacher's room socket on {@code room}, once it says teaching. */
    static WsClient teacher(PlaygroundServer server, Made room) throws Exception { return teacher(server, room.code(), room.key()); }

    /** A teacher's room socket on the room {@code code} with its teacher {@code key}, once it says teaching. */
    static WsClient teacher(PlaygroundServer server, String code, String key) throws Exception {
        WsClient t = withRole(server, "{\"type\":\"teach\",\"code\":\"" + code + "\",\"key\":\"" + key + "\"}");
        // the ticker may send the first (full) roster before the answer: it stays for the test to read
        t.nextKeepingOthers(m -> m.path("type").asText().equals("teaching"), "teaching");
        return t;
    }

    /** The next roster update whose card for {@code id} passes {@code wanted}. */
    static JsonNode card(WsClient teacher, String id, Predicate<JsonNode> wanted, String what) throws Exception {
        JsonNode[] found = new JsonNode[1];
        teacher.next(m -> {
            if (!m.path("type").asText().equals("roster")) return false;
            for (JsonNode c : m.get("cards")) if (c.get("id").asText().equals(id) && wanted.test(c)) { found[0] = c; return true; }
            return false;
        }, what);
        return found[0];
    }

    /**
     * Reads {@code id}'s cards until they span {@code epochs} epochs of training without a boundary
     * (at 60 frames a second at most, 200 epochs are more than 3 s: a class view shown would have sent
     * several). {@code settling}: a card with a boundary starts the count again (the class view just
     * closed; one drawn before may still come), else it fails the test.
     */
    static void cardsWithoutBoundary(WsClient teacher, String id, int epochs, boolean settling) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(WsClient.WAIT_SECONDS);
        int first = -1;
        while (System.nanoTime() < deadline) {
            JsonNode c = card(teacher, id, x -> true, "a card of " + id);
            int epoch = c.get("epoch").asInt();
            if (c.hasNonNull("boundary")) {
                org.junit.jupiter.api.Assertions.assertTrue(settling, "a boundary while nobody shows the class view, at epoch " + epoch);
                first = -1;
                continue;
            }
            if (first < 0) first = epoch;
            else if (epoch - first >= epochs) return;
        }
        throw new AssertionError("cards of " + id + " did not span " + epochs + " epochs without a boundary within " + WsClient.WAIT_SECONDS + " s");
    }
}
