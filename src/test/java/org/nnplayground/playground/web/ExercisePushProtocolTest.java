package org.nnplayground.playground.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An exercise link that parses but cannot be built as the teacher wrote it (over the work limits, or
 * loaded only with a setting changed) is refused when pushed or when a class is made on it: the
 * teacher gets an error, the students nothing.
 */
class ExercisePushProtocolTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Parses cleanly (each layer is in range); 132,609 parameters are over the network limit. */
    private static final String TOO_BIG = "dataset=circle&networkShape=256,256,256&seed=0.5";
    /** Parses cleanly; 66,817 parameters x 450 training points is over the work one epoch may take. */
    private static final String TOO_MUCH_WORK = "dataset=circle&networkShape=256,256&percTrainData=90&seed=0.5";
    /** Parses cleanly (tables may train on 95 %); TF's circle keeps at most 90 %: a page would load it changed, with a warning. */
    private static final String CHANGED = "dataset=circle&percTrainData=95&networkShape=2&seed=0.5";
    private static Path data;
    private static PlaygroundServer server;

    @BeforeAll
    static void start() throws Exception {
        data = Files.createTempDirectory("exercise-push-");
        server = PlaygroundServer.start(RoomServers.config(data));
    }

    @AfterAll
    static void stop() throws Exception { RoomServers.stop(server, data); }

    private static HttpResponse<String> post(String path, Object body) throws Exception { return RoomServers.post(server, path, body); }

    @Test
    void anExerciseThatCannotBeBuiltIsNotPushed() throws Exception {
        HttpResponse<String> made = post("/api/rooms", Map.of("exercise", HardeningProtocolTest.C1));
        assertEquals(201, made.statusCode(), made.body());
        JsonNode room = JSON.readTree(made.body());
        String code = room.get("code").asText();
        String url = room.get("teacherUrl").asText();
        String key = java.net.URLDecoder.decode(url.substring(url.indexOf("#key=") + 5), StandardCharsets.UTF_8);
        String token = JSON.readTree(post("/api/rooms/" + code + "/students", Map.of("name", "Ada")).body()).get("token").asText();
        try (WsClient student = WsClient.connectTo(server.port(), "/ws/room"); WsClient t = WsClient.connectTo(server.port(), "/ws/room")) {
            student.send("{\"type\":\"resume\",\"token\":\"" + token + "\"}");
            student.nextKeepingOthers("joined");
            student.frameAt(0);
            t.send("{\"type\":\"teach\",\"code\":\"" + code + "\",\"key\":\"" + key + "\"}");
            t.nextKeepingOthers("teaching");
            Map<String, String> why = Map.of(TOO_BIG, "at most 100000 parameters", TOO_MUCH_WORK, "this network is too big for this much data",
                    CHANGED, "percTrainData 95");
            for (String bad : new String[] {TOO_BIG, TOO_MUCH_WORK, CHANGED}) {
                t.send("{\"type\":\"pushExercise\",\"link\":\"" + bad + "\"}");
                JsonNode error = t.next(m -> m.path("type").asText().matches("error|done"), "the push's answer");
                assertEquals("error", error.get("type").asText(), bad + " pushed: " + error);
                assertEquals("pushExercise", error.get("request").asText());
                assertTrue(error.get("message").asText().startsWith("that exercise cannot be built for the students: " + why.get(bad)), error.toString());
            }
            // a good push still goes through, and it is the first exercise the student hears of
            String good = "dataset=circle&networkShape=3&seed=0.5";
            t.send("{\"type\":\"pushExercise\",\"link\":\"" + good + "\"}");
            t.next("done");
            JsonNode pushed = student.next("exercise");
            assertTrue(pushed.get("link").asText().contains("networkShape=3"), "the student was pushed " + pushed);
        }
    }

    @Test
    void aClassCannotBeMadeOnAnExerciseThatCannotBeBuilt() throws Exception {
        HttpResponse<String> r = post("/api/rooms", Map.of("exercise", TOO_BIG));
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("that exercise cannot be built for the students: at most 100000 parameters"), r.body());
    }
}
