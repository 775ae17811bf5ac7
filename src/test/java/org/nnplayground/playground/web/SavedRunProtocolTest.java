package org.nnplayground.playground.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnplayground.playground.session.RunSnapshotTest;
import org.nnplayground.playground.store.StoreSettings;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Saved runs over a real socket: train 50 epochs, save, stop the server, open the run in a fresh
 * server, train 50 more; every loss and weight equals an uninterrupted 100-epoch run bit for bit.
 */
class SavedRunProtocolTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    static PlaygroundServer start(Path dataDir) {
        StoreSettings store = new StoreSettings(dataDir, null, 90, 1000, StoreSettings.DEFAULT_MAX_RUN_BYTES);
        return PlaygroundServer.start(ServerConfig.defaults().withHost("127.0.0.1").withPort(0).withStore(store));
    }

    @Test
    void tfExactSgdResumesInAFreshServer() throws Exception { assertResumes(RunSnapshotTest.TF_SGD, null); }

    @Test
    void adamWithDropoutResumesInAFreshServer() throws Exception { assertResumes(RunSnapshotTest.ADAM_DROPOUT, null); }

    @Test
    void csvRunResumesInAFreshServer() throws Exception {
        assertResumes(RunSnapshotTest.BOOK, Files.readString(Path.of("src/test/resources/datasets/one_circle.csv")));
    }

    private void assertResumes(String link, String csv) throws Exception {
        String firstId;
        Frame savedFrame;
        try (PlaygroundServer a = start(dir); WsClient c = WsClient.connect(a.port())) {
            load(c, link, csv);
            c.send("{\"type\":\"step\",\"epochs\":50}");
            savedFrame = c.frameAt(50);
            c.send("{\"type\":\"save\"}");
            JsonNode saved = c.next("saved");
            firstId = saved.get("id").asText();
            assertEquals("/r/" + firstId, saved.get("url").asText());
            assertEquals(50, saved.get("epoch").asInt());
        }
        try (PlaygroundServer b = start(dir)) {
            String resumedId;
            try (WsClient c = WsClient.connect(b.port())) {
                c.send("{\"type\":\"loadRun\",\"run\":\"" + firstId + "\"}");
                c.next("session");
                Frame restored = c.frameAt(50);
                assertEquals(savedFrame.lossTrain(), restored.lossTrain(), 0.0);
                assertArrayEquals(savedFrame.weights(), restored.weights());
                assertArrayEquals(savedFrame.grids(), restored.grids(), "same heatmaps");
                assertEquals(0, restored.firstHistoryEpoch(), "the whole chart comes back");
                assertEquals(51, restored.historyTrain().length);
                assertEquals("paused", c.next("status").get("state").asText());
                c.send("{\"type\":\"step\",\"epochs\":50}");
                c.frameAt(100);
                resumedId = save(c);
            }
            String straightId;
            try (WsClient c = WsClient.connect(b.port())) {
                load(c, link, csv);
                c.send("{\"type\":\"step\",\"epochs\":100}");
                c.frameAt(100);
                straightId = save(c);
            }
            JsonNode resumed = get(b, "/api/runs/" + resumedId);
            JsonNode straight = get(b, "/api/runs/" + straightId);
            assertEquals(100, resumed.get("epoch").asInt());
            assertEquals(straight.get("link"), resumed.get("link"));
            assertEquals(straight.get("weights"), resumed.get("weights"), "weights bit for bit (JSON doubles round-trip)");
            assertEquals(straight.get("lossHistory"), resumed.get("lossHistory"), "every epoch's losses");
            assertEquals(straight.get("lossTrain").asDouble(), resumed.get("lossTrain").asDouble(), 0.0);
            assertEquals(101, resumed.get("lossHistory").get("train").size());
        }
    }

    private static void load(WsClient c, String link, String csv) throws Exception {
        c.send("{\"type\":\"load\",\"link\":" + JSON.writeValueAsString(link) + "}");
        c.next("session");
        c.frameAt(0);
        if (csv != null) {
            c.send("{\"type\":\"loadCsv\",\"name\":\"one_circle.csv\",\"content\":" + JSON.writeValueAsString(csv) + "}");
            c.next("session");
            c.frameAt(0);
        }
    }

    private static String save(WsClient c) throws Exception {
        c.send("{\"type\":\"save\"}");
        return c.next("saved").get("id").asText();
    }

    static JsonNode get(PlaygroundServer s, String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    @Test
    void unknownRunsAnswer404WithAMessage() throws Exception {
        try (PlaygroundServer s = start(dir); WsClient c = WsClient.connect(s.port())) {
            for (String path : new String[] {"/api/runs/AAAAAAAAAAAAAAAAAAAAAA", "/api/runs/nope/keras.py", "/r/AAAAAAAAAAAAAAAAAAAAAA"}) {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(404, r.statusCode(), path);
                assertTrue(r.body().contains("no saved run has the id"), r.body());
            }
            c.send("{\"type\":\"loadRun\",\"run\":\"AAAAAAAAAAAAAAAAAAAAAA\"}");
            JsonNode error = c.next("error");
            assertEquals("loadRun", error.get("request").asText());
            assertTrue(error.get("message").asText().startsWith("no saved run has the id"));
            c.send("{\"type\":\"save\"}");
            assertTrue(c.next("error").get("message").asText().contains("load a playground link first"));
        }
    }

    @Test
    void aStudentInARoomSavesTheirRunTheSameWay() throws Exception {
        String exercise = "dataset=xor&networkShape=3&seed=0.31";
        try (PlaygroundServer s = start(dir)) {
            HttpResponse<String> made = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + "/api/rooms"))
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(java.util.Map.of("exercise", exercise)))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(201, made.statusCode(), made.body());
            String code = JSON.readTree(made.body()).get("code").asText();
            HttpResponse<String> joined = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + "/api/rooms/" + code + "/students"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Ada\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(201, joined.statusCode(), joined.body());
            String token = JSON.readTree(joined.body()).get("token").asText();
            String id;
            Frame saved;
            try (WsClient c = WsClient.connectTo(s.port(), "/ws/room")) {
                c.send("{\"type\":\"resume\",\"token\":\"" + token + "\"}");
                c.nextKeepingOthers("joined");
                c.frameAt(0);
                c.send("{\"type\":\"step\",\"epochs\":7}");
                saved = c.frameAt(7);
                id = save(c);
            }
            JsonNode run = get(s, "/api/runs/" + id);
            assertEquals(7, run.get("epoch").asInt());
            assertTrue(run.get("link").asText().contains("seed=0.31"), run.get("link").asText());
            try (WsClient c = WsClient.connect(s.port())) {
                c.send("{\"type\":\"loadRun\",\"run\":\"" + id + "\"}");
                Frame back = c.frameAt(7);
                assertArrayEquals(saved.weights(), back.weights());
            }
        }
    }

    @Test
    void savesPerAddressAreLimited() throws Exception {
        StoreSettings store = new StoreSettings(dir, null, 90, 2, StoreSettings.DEFAULT_MAX_RUN_BYTES);
        try (PlaygroundServer s = PlaygroundServer.start(ServerConfig.defaults().withHost("127.0.0.1").withPort(0).withStore(store));
             WsClient c = WsClient.connect(s.port())) {
            load(c, "dataset=xor&networkShape=2&seed=0.1", null);
            save(c);
            save(c);
            c.send("{\"type\":\"save\"}");
            assertTrue(c.next("error").get("message").asText().startsWith("too many saves: at most 2 a minute"));
        }
    }

    @Test
    void runsNotOpenedForTheRetentionPeriodAreDeleted() throws Exception {
        String old;
        String fresh;
        try (PlaygroundServer s = start(dir)) {
            old = postRun(s);
            fresh = postRun(s);
        }
        // age the first run: last opened 40 days ago
        try (java.sql.Connection db = database();
             java.sql.PreparedStatement st = db.prepareStatement("UPDATE runs SET opened_at = ? WHERE id = ?")) {
            st.setTimestamp(1, java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofDays(40))));
            st.setString(2, old);
            assertEquals(1, st.executeUpdate());
        }
        StoreSettings thirtyDays = new StoreSettings(dir, null, 30, 1000, StoreSettings.DEFAULT_MAX_RUN_BYTES);
        try (PlaygroundServer s = PlaygroundServer.start(ServerConfig.defaults().withHost("127.0.0.1").withPort(0).withStore(thirtyDays))) {
            assertEquals(fresh, get(s, "/api/runs/" + fresh).get("id").asText()); // first use opens the store and sweeps
            // watched in the database itself: asking the server for it would count as opening it
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (exists(old) && System.nanoTime() < deadline) Thread.sleep(100);
            assertTrue(!exists(old), "the run not opened for 40 days is gone");
            assertTrue(exists(fresh));
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + "/api/runs/" + old)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(404, r.statusCode());
        }
    }

    /** The server's H2 database, opened beside it (H2 shares one open database within a JVM). */
    private java.sql.Connection database() throws java.sql.SQLException {
        return java.sql.DriverManager.getConnection("jdbc:h2:file:" + dir.toAbsolutePath().resolve("playground")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;WRITE_DELAY=0", "sa", "");
    }

    private boolean exists(String id) throws java.sql.SQLException {
        try (java.sql.Connection db = database(); java.sql.PreparedStatement st = db.prepareStatement("SELECT COUNT(*) FROM runs WHERE id = ?")) {
            st.setString(1, id);
            try (java.sql.ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1) == 1;
            }
        }
    }

    private static String postRun(PlaygroundServer s) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + "/api/runs"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"link\":\"dataset=xor&networkShape=2&seed=0.3\",\"epochs\":2}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, r.statusCode(), r.body());
        return JSON.readTree(r.body()).get("id").asText();
    }

    @Test
    void aRunLargerThanTheLimitIsRefusedInPlainWords() throws Exception {
        StoreSettings tiny = new StoreSettings(dir, null, 90, 10, 2000);
        try (PlaygroundServer s = PlaygroundServer.start(ServerConfig.defaults().withHost("127.0.0.1").withPort(0).withStore(tiny));
             WsClient c = WsClient.connect(s.port())) {
            load(c, "dataset=spiral&networkShape=64,64&seed=0.1", null);
            c.send("{\"type\":\"save\"}");
            JsonNode error = c.next("error");
            assertEquals("save", error.get("request").asText());
            assertTrue(error.get("message").asText().startsWith("this run is too large to save ("), error.toString());
        }
    }

    @Test
    void aHeadlessSaveThatWouldTrainTooLongIsRefused() throws Exception {
        try (PlaygroundServer s = start(dir)) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + "/api/runs"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"link\":\"dataset=spiral&networkShape=128,128\",\"epochs\":1000}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(400, r.statusCode());
            assertTrue(r.body().contains("too much training for one request"), r.body());
        }
    }

    @Test
    void aDatabaseThatIsDownAnswersAnErrorAndTrainingGoesOn() throws Exception {
        StoreSettings down = new StoreSettings(dir, "jdbc:postgresql://127.0.0.1:1/none?connectTimeout=1", 90, 10, StoreSettings.DEFAULT_MAX_RUN_BYTES);
        try (PlaygroundServer s = PlaygroundServer.start(ServerConfig.defaults().withHost("127.0.0.1").withPort(0).withStore(down));
             WsClient c = WsClient.connect(s.port())) {
            load(c, "dataset=xor&networkShape=2&seed=0.1", null);
            c.send("{\"type\":\"save\"}");
            JsonNode error = c.next(m -> m.path("type").asText().equals("error") && "save".equals(m.path("request").asText()), "save error");
            assertTrue(error.get("message").asText().startsWith("saved runs are unavailable"), error.toString());
            c.send("{\"type\":\"step\",\"epochs\":3}");
            assertEquals(3, c.frameAt(3).epoch());
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + "/api/runs/AAAAAAAAAAAAAAAAAAAAAA")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(503, r.statusCode());
            assertTrue(r.body().contains("unavailable"), r.body());
        }
    }

    @Test
    void postSavesAHeadlessRun() throws Exception {
        try (PlaygroundServer s = start(dir)) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + "/api/runs"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"link\":\"dataset=xor&networkShape=3&seed=0.2\",\"epochs\":20}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(201, r.statusCode(), r.body());
            String id = JSON.readTree(r.body()).get("id").asText();
            JsonNode run = get(s, "/api/runs/" + id);
            assertEquals(20, run.get("epoch").asInt());
            assertEquals(21, run.get("lossHistory").get("train").size());
            HttpResponse<String> bad = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + "/api/runs"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"epochs\":20}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(400, bad.statusCode());
            assertTrue(bad.body().contains("missing field 'link'"));
        }
    }
}
