package org.nnplayground.playground.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where the merged pieces meet (hardening x rooms x saved runs x course views), over a real port:
 * each test is a bug found by driving the merged product as a user and as a hostile client would.
 */
class CrossFeatureProtocolTest {
    private static PlaygroundServer server;
    private static Path data;

    @BeforeAll
    static void start() throws Exception {
        data = Files.createTempDirectory("cross-feature-");
        server = PlaygroundServer.start(ServerConfig.defaults().withHost("127.0.0.1").withPort(0)
                .withStore(new org.nnplayground.playground.store.StoreSettings(data, null, 90, 1000,
                        org.nnplayground.playground.store.StoreSettings.DEFAULT_MAX_RUN_BYTES)));
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
        try (var files = Files.walk(data)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** The room socket answers null, arrays, numbers and wrong kinds as /ws does: an error in the protocol's words, the socket lives. */
    @Test
    void roomSocketAnswersNonObjectsWithoutJavaInternals() throws Exception {
        try (WsClient c = WsClient.connectTo(server.port(), "/ws/room")) {
            for (String bad : new String[] {"null", "[]", "42", "\"play\"", "{\"type\":\"notice\",\"text\":[1]}", "{\"type\":\"nope\"}", "{"}) {
                c.send(bad);
                JsonNode e = c.next("error");
                String message = e.path("message").asText();
                assertFalse(message.matches("(?s).*(java\\.|Cannot |LinkedHashMap|getClass|`).*"), bad + " -> " + message);
            }
            // still open and answering
            c.send("{\"type\":\"pauseAll\"}");
            assertTrue(c.next("error").path("message").asText().contains("teacher"));
            assertThrows(TimeoutException.class, () -> c.closed.get(300, TimeUnit.MILLISECONDS));
        }
    }

    /** A student in a class has the course views and sweeps as every student has (the room's link to the socket dropped them). */
    @Test
    void aRoomStudentGetsCourseViewsAndSweeps() throws Exception {
        String[] room = room();
        Object[] pupil = student(room[0], "Grace");
        try (WsClient s = (WsClient) pupil[1]) {
            s.send("{\"type\":\"insights\",\"on\":true}");
            s.send("{\"type\":\"step\",\"epochs\":3}");
            JsonNode insights = s.next("insights");
            assertEquals("classification", insights.path("problem").asText());
            assertTrue(insights.path("confusionTrain").isArray());
            s.send("{\"type\":\"sweep\",\"vary\":{\"learningRate\":[\"0.01\",\"0.1\"]},\"epochs\":5}");
            JsonNode done = s.next(m -> m.path("type").asText().equals("sweep") && m.path("state").asText().equals("done"), "finished sweep");
            assertEquals(2, done.path("rows").size());
        }
    }

    /** The room routes answer broken JSON in plain words (Jackson's message named its own internals). */
    @Test
    void roomRoutesAnswerBrokenJsonInPlainWords() throws Exception {
        String[] room = room();
        for (String[] call : new String[][] {{"/api/rooms", "[1,2"}, {"/api/rooms/" + room[0] + "/students", "{\"name\":"},
                {"/api/rooms/" + room[0] + "/actions", "{\"type\":"}, {"/api/rooms/" + room[0] + "/actions", "null"}}) {
            var r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + server.port() + call[0])).header("X-Teacher-Key", room[1])
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(call[1])).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(400, r.statusCode(), call[0] + " " + r.body());
            String error = JSON.readTree(r.body()).path("error").asText();
            assertFalse(error.isEmpty(), r.body());
            assertFalse(error.matches("(?s).*(Source|REDACTED|StreamReadFeature|end-of-input|marker|java\\.|`).*"), call[0] + " -> " + error);
        }
    }

    /** Bidi overrides and zero-width characters are no part of a name (they could flip or hide the dashboard's text). */
    @Test
    void namesLoseFormatCharacters() throws Exception {
        String[] room = room();
        JsonNode j = post("/api/rooms/" + room[0] + "/students", "{\"name\":\"\\u202eAda\\u200b Lovelace\\u0000\"}");
        assertEquals("Ada Lovelace", j.get("name").asText());
    }

    /** An exercise that hides the data set (or play) also locks drawing: a drawn point replaced the locked data and started training. */
    @Test
    void drawingIsLockedWithTheDataSetAndPlay() throws Exception {
        String[] room = room();
        Object[] pupil = student(room[0], "Alan");
        try (WsClient s = (WsClient) pupil[1]; WsClient t = WsClient.connectTo(server.port(), "/ws/room")) {
            t.send("{\"type\":\"teach\",\"code\":\"" + room[0] + "\",\"key\":\"" + room[1] + "\"}");
            t.nextKeepingOthers("teaching");
            for (String hidden : new String[] {"dataset_hide=true", "playButton_hide=true"}) {
                t.send("{\"type\":\"pushExercise\",\"link\":\"dataset=xor&networkShape=3&" + hidden + "\"}");
                JsonNode exercise = s.next("exercise");
                assertTrue(exercise.toString().contains("drawPoint"), "the page is told drawing is off: " + exercise);
                s.send("{\"type\":\"drawPoint\",\"x\":1,\"y\":1,\"label\":1}");
                JsonNode refused = s.next("error");
                assertEquals("drawPoint", refused.path("request").asText(), hidden + ": " + refused);
                s.send("{\"type\":\"removePoint\",\"x\":1,\"y\":1}");
                assertEquals("removePoint", s.next("error").path("request").asText(), hidden);
            }
        }
    }

    /** Picking data with another number of classes is never refused for the loss the old data used: the pair goes back to auto. */
    @Test
    void newDataPutsAnUnfittingOutputAndLossBackToAuto() throws Exception {
        try (WsClient c = WsClient.connect(server.port())) {
            c.send("{\"type\":\"load\",\"link\":\"dataset=circle&loss=logloss\"}");
            assertEquals("logloss", c.next("session").path("loss").asText());
            c.send("{\"type\":\"set\",\"key\":\"dataset\",\"value\":\"blobs4\"}");
            JsonNode four = c.next("session");
            assertEquals(4, four.path("numClasses").asInt(), four.toString());
            assertEquals("crossentropy", four.path("loss").asText());
            assertEquals("softmax", four.path("outputActivation").asText());

            c.send("{\"type\":\"load\",\"link\":\"dataset=blobs3&output=softmax&loss=crossentropy\"}");
            c.next("session");
            c.send("{\"type\":\"set\",\"key\":\"problem\",\"value\":\"regression\"}");
            JsonNode regression = c.next("session");
            assertEquals("regression", regression.path("problem").asText());
            assertEquals("linear", regression.path("outputActivation").asText());
            assertEquals("square", regression.path("loss").asText());
        }
    }

    // ---- rooms over HTTP and the room socket, as the pages use them

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private static JsonNode post(String path, String body) throws Exception {
        var r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + server.port() + path))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(201, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    /** A room's code and teacher key. */
    private static String[] room() throws Exception {
        JsonNode made = post("/api/rooms", "");
        String url = made.get("teacherUrl").asText();
        return new String[] {made.get("code").asText(), java.net.URLDecoder.decode(url.substring(url.indexOf("#key=") + 5), java.nio.charset.StandardCharsets.UTF_8)};
    }

    /** Joins and takes the place on the room socket: [studentId, socket]. */
    private static Object[] student(String code, String name) throws Exception {
        JsonNode j = post("/api/rooms/" + code + "/students", JSON.writeValueAsString(java.util.Map.of("name", name)));
        WsClient c = WsClient.connectTo(server.port(), "/ws/room");
        c.send("{\"type\":\"resume\",\"token\":\"" + j.get("token").asText() + "\"}");
        c.nextKeepingOthers("joined");
        c.next("session");
        return new Object[] {j.get("studentId").asText(), c};
    }

    /** The teacher opens a student's run read-only, and the page's socket says on connect that its course views are closed: no error. */
    @Test
    void aTeachersReadOnlyViewOpensWithoutAnError() throws Exception {
        String[] room = room();
        Object[] pupil = student(room[0], "Ada");
        try (WsClient s = (WsClient) pupil[1]; WsClient t = WsClient.connectTo(server.port(), "/ws/room")) {
            t.send("{\"type\":\"teach\",\"code\":\"" + room[0] + "\",\"key\":\"" + room[1] + "\"}");
            t.nextKeepingOthers("teaching");
            t.send("{\"type\":\"watch\",\"studentId\":\"" + pupil[0] + "\"}");
            t.next("watching");
            // what web/js/insights.js sends on every connect (its panel is open by default)
            t.send("{\"type\":\"insights\",\"on\":true}");
            t.send("{\"type\":\"insights\",\"on\":false}");
            t.send("{\"type\":\"play\"}");                      // a real edit: refused
            JsonNode first = t.next("error");
            assertEquals("play", first.path("request").asText(), "the first error is the edit's, not the page's greeting: " + first);
        }
    }
}
