package org.nnplayground.playground.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nnplayground.playground.room.RoomLimits;
import org.nnplayground.playground.session.Session;
import org.nnplayground.playground.session.SessionProbe;
import org.nnplayground.playground.web.RoomClient.Made;
import org.nnplayground.playground.web.RoomClient.Pupil;
import org.nnplayground.playground.web.RoomClient.Reply;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nnplayground.playground.web.RoomClient.card;

/** Rooms over a real port: HTTP routes and the room socket, students and a teacher. */
class RoomProtocolTest {
    private static final String XOR = "dataset=xor&activation=tanh&networkShape=3&learningRate=0.03&seed=0.5";
    private static PlaygroundServer server;

    @BeforeAll
    static void start() throws java.io.IOException {
        server = PlaygroundServer.start(config(java.nio.file.Files.createTempDirectory("rooms-test-")));
    }

    /** A server config with small room limits and its own data directory (rooms are stored there). */
    static ServerConfig config(java.nio.file.Path dataDir) {
        DATA_DIRS.add(dataDir);
        return ServerConfig.defaults().withHost("127.0.0.1").withPort(0)
                .withStore(new org.nnplayground.playground.store.StoreSettings(dataDir, null, 90, 1000,
                        org.nnplayground.playground.store.StoreSettings.DEFAULT_MAX_RUN_BYTES))
                .withRooms(new RoomLimits(3, 50, Duration.ofSeconds(30), 10, 100));
    }

    @AfterAll
    static void stop() throws java.io.IOException {
        server.stop();
        for (java.nio.file.Path dir : DATA_DIRS) {
            if (!java.nio.file.Files.exists(dir)) continue; // a restart test uses its directory twice
            RoomServers.deleteTree(dir);
        }
    }

    /** Every data directory a test server used (deleted at the end). */
    private static final List<java.nio.file.Path> DATA_DIRS = new ArrayList<>();

    // ---- helpers: RoomClient's, on this class's server

    static Reply http(String method, String path, String body, String key) throws Exception {
        return RoomClient.http(server, method, path, body, key);
    }

    static Made room(String exercise) throws Exception { return RoomClient.room(server, exercise); }

    static Pupil join(Made room, String name) throws Exception { return RoomClient.join(server, room, name); }

    static WsClient resume(String token) throws Exception { return RoomClient.resume(server, token); }

    static WsClient teacher(Made room) throws Exception { return RoomClient.teacher(server, room); }

    // ---- tests

    @Test
    void createAnswersACodeWithoutLookAlikesAndTwoUrls() throws Exception {
        Made m = room(null);
        assertTrue(m.code().matches("[ACDEFGHJKMNPQRTUVWXY34679]{6}"), m.code());
        assertTrue(m.json().get("joinUrl").asText().endsWith("/?room=" + m.code()));
        assertTrue(m.json().get("teacherUrl").asText().contains("/teach?room=" + m.code() + "#key="));
        assertTrue(m.key().length() >= 32, "an unguessable key");
        assertFalse(m.json().get("joinUrl").asText().contains(m.key()), "students never see the key");
        http("POST", "/api/rooms/" + m.code() + "/actions", "{\"type\":\"closeRoom\"}", m.key());
    }

    @Test
    void joinPushLockAndLaterJoinersGetTheExercise() throws Exception {
        Made room = room(XOR);
        try (Pupil ann = join(room, "Ann"); WsClient t = teacher(room)) {
            JsonNode session = ann.socket().next("session");
            assertTrue(session.get("link").asText().contains("dataset=xor"), "joins on the room's exercise");
            ann.socket().frameAt(0);
            // typing the code in lower case with a space works
            Reply j = http("POST", "/api/rooms/" + room.code().substring(0, 3).toLowerCase() + "%20" + room.code().substring(3)
                    + "/students", "{\"name\":\"Bo\"}", null);
            assertEquals(201, j.status(), j.text());

            String exercise = "dataset=circle&activation=relu&networkShape=4,2&learningRate=0.1&seed=0.7"
                    + "&learningRate_hide=true&activation_hide=true&playButton_hide=true";
            t.send("{\"type\":\"pushExercise\",\"link\":\"" + exercise + "\"}");
            t.next("done");
            // the page hears of the exercise (its locks) and gets the rebuilt session, in either order
            java.util.Map<String, JsonNode> got = new java.util.HashMap<>();
            // (a description of the run before the push may still be on its way: the rebuilt one names the exercise's data)
            while (got.size() < 2) {
                JsonNode m = ann.socket().next(x -> x.path("type").asText().equals("exercise")
                        || x.path("type").asText().equals("session") && x.path("link").asText().contains("dataset=circle"), "exercise and session");
                got.put(m.get("type").asText(), m);
            }
            JsonNode pushed = got.get("exercise");
            assertTrue(pushed.get("locked").toString().contains("learningRate"));
            assertTrue(pushed.get("locked").toString().contains("play"));
            JsonNode rebuilt = got.get("session");
            assertTrue(rebuilt.get("link").asText().contains("dataset=circle"));
            assertEquals(List.of(2, 4, 2, 1), toInts(rebuilt.get("layers")));

            // a locked key is refused, the run keeps its value; an unlocked one changes
            ann.socket().send("{\"type\":\"set\",\"key\":\"learningRate\",\"value\":\"3\"}");
            JsonNode refused = ann.socket().next("error");
            assertTrue(refused.get("message").asText().contains("locked"), refused.toString());
            ann.socket().send("{\"type\":\"set\",\"key\":\"learningRate_hide\",\"value\":\"false\"}");
            assertTrue(ann.socket().next("error").get("message").asText().contains("exercise"));
            ann.socket().send("{\"type\":\"play\"}");
            assertTrue(ann.socket().next("error").get("message").asText().contains("turned off"));
            // a sweep trains too: hidden play turns it off
            ann.socket().send("{\"type\":\"sweep\",\"vary\":{\"learningRate\":[\"0.1\",\"0.3\"]},\"epochs\":5}");
            JsonNode sweepRefused = ann.socket().next("error");
            assertEquals("sweep", sweepRefused.get("request").asText(), sweepRefused.toString());
            assertTrue(sweepRefused.get("message").asText().contains("turned off"), sweepRefused.toString());
            ann.socket().send("{\"type\":\"set\",\"key\":\"batchSize\",\"value\":\"5\"}");
            JsonNode link = ann.socket().next("link");
            assertTrue(link.get("hash").asText().contains("batchSize=5") && link.get("hash").asText().contains("learningRate=0.1"));
            // a whole new link from the student keeps the locked settings
            ann.socket().send("{\"type\":\"load\",\"link\":\"dataset=spiral&learningRate=3&activation=tanh\"}");
            JsonNode reloaded = ann.socket().next("session");
            assertTrue(reloaded.get("link").asText().contains("learningRate=0.1"), reloaded.get("link").asText());
            assertTrue(reloaded.get("link").asText().contains("activation=relu"));
            assertTrue(reloaded.get("link").asText().contains("dataset=spiral"), "unlocked settings are the student's");

            // a later joiner gets the current exercise and its locks
            try (Pupil cy = join(room, "Cy")) {
                JsonNode s = cy.socket().next("session");
                assertTrue(s.get("link").asText().contains("dataset=circle") && s.get("link").asText().contains("learningRate_hide=true"));
            }
        }
        http("POST", "/api/rooms/" + room.code() + "/actions", "{\"type\":\"closeRoom\"}", room.key());
    }

    @Test
    void dashboardCardsPauseAllResumeAllAndAnonymize() throws Exception {
        Made room = room(XOR);
        java.util.Set<Session> before = java.util.Set.copyOf(server.registry().sessions());
        try (Pupil a = join(room, "Ada"); Pupil b = join(room, "Ben"); WsClient t = teacher(room)) {
            for (Pupil p : List.of(a, b)) p.socket().send("{\"type\":\"play\"}");
            // past the status the run was built with, so the next "paused" is the teacher's
            for (Pupil p : List.of(a, b)) p.socket().next(m -> m.path("type").asText().equals("status") && m.get("state").asText().equals("playing"), "playing");
            List<Session> students = new ArrayList<>(server.registry().sessions());
            students.removeAll(before);
            assertEquals(2, students.size(), "Ada's and Ben's sessions");
            JsonNode card = card(t, a.id(), c -> c.get("epoch").asInt() > 5 && c.get("state").asText().equals("playing"), "Ada playing");
            assertEquals("Ada", card.get("name").asText());
            assertTrue(card.get("thumbCount").asInt() == 1 && card.get("thumbs").asText().length() > 100, "a 10x10 thumbnail");
            assertTrue(Double.isFinite(card.get("lossTest").asDouble()));

            t.send("{\"type\":\"pauseAll\"}");
            for (Pupil p : List.of(a, b)) p.socket().next(m -> m.path("type").asText().equals("status") && m.get("state").asText().equals("paused"), "paused");
            // paused means stopped: no run trains another epoch after its student's "paused" (how
            // soon the pause arrives is RoomEventsBench's measure, not a test's)
            int[] atPause = students.stream().mapToInt(SessionProbe::epochs).toArray();
            Thread.sleep(500);
            assertArrayEquals(atPause, students.stream().mapToInt(SessionProbe::epochs).toArray(), "epochs after the pause");
            card(t, b.id(), c -> c.get("state").asText().equals("paused"), "Ben paused on the dashboard");

            t.send("{\"type\":\"resumeAll\"}");
            for (Pupil p : List.of(a, b)) p.socket().next(m -> m.path("type").asText().equals("status") && m.get("state").asText().equals("playing"), "playing");
            t.send("{\"type\":\"pauseAll\"}");

            t.send("{\"type\":\"anonymize\",\"on\":true}");
            JsonNode anon = t.next(m -> m.path("type").asText().equals("roster") && m.get("anonymized").asBoolean() && m.get("full").asBoolean(), "anonymized roster");
            for (JsonNode c : anon.get("cards")) assertTrue(c.get("name").asText().matches("Student \\d+"), c.toString());
            // every text but the pictures (base64 may spell "Ada" by chance)
            assertFalse(texts(anon).anyMatch(v -> v.contains("Ada") || v.contains("Ben")), "no real name reaches the dashboard: " + anon);
            t.send("{\"type\":\"anonymize\",\"on\":false}");
            card(t, a.id(), c -> c.get("name").asText().equals("Ada"), "names back");
        }
        http("POST", "/api/rooms/" + room.code() + "/actions", "{\"type\":\"closeRoom\"}", room.key());
    }

    @Test
    void spotlightAndWatchStreamTheRunReadOnly() throws Exception {
        Made room = room(XOR);
        try (Pupil a = join(room, "Ada"); WsClient t = teacher(room); WsClient view = teacher(room)) {
            a.socket().frameAt(0);
            t.send("{\"type\":\"spotlight\",\"studentId\":\"" + a.id() + "\"}");
            JsonNode told = a.socket().next("spotlight");
            assertTrue(told.get("you").asBoolean());
            t.next(m -> m.path("type").asText().equals("roster") && a.id().equals(m.path("spotlight").asText()), "spotlight on the dashboard");

            view.send("{\"type\":\"watch\",\"studentId\":\"" + a.id() + "\"}");
            assertEquals("Ada", view.next("watching").get("name").asText());
            assertEquals(13, view.next("session").get("parameterCount").asInt());
            view.frameAt(0);
            a.socket().send("{\"type\":\"step\",\"epochs\":7}");
            Frame seen = view.frameAt(7);
            assertEquals(a.socket().frameAt(7).lossTrain(), seen.lossTrain(), 0.0, "the viewer sees the student's own run");
            // read-only: the viewer cannot change the run
            view.send("{\"type\":\"step\"}");
            assertTrue(view.next("error").get("message").asText().contains("read-only"));
            view.send("{\"type\":\"set\",\"key\":\"learningRate\",\"value\":\"1\"}");
            view.next("error");
            a.socket().send("{\"type\":\"step\"}");
            assertEquals(8, a.socket().frameAt(8).epoch());
        }
        http("POST", "/api/rooms/" + room.code() + "/actions", "{\"type\":\"closeRoom\"}", room.key());
    }

    @Test
    void resumeAfterADroppedSocketKeepsTheSessionAndTheCard() throws Exception {
        Made room = room(XOR);
        try (WsClient t = teacher(room)) {
            Pupil a = join(room, "Ada");
            a.socket().frameAt(0);
            a.socket().send("{\"type\":\"step\",\"epochs\":12}");
            Frame before = a.socket().frameAt(12);
            card(t, a.id(), c -> c.get("epoch").asInt() == 12, "epoch 12 on the card");
            a.socket().abort();
            card(t, a.id(), c -> c.get("state").asText().equals("away"), "away on the dashboard");

            try (WsClient again = resume(a.token())) {
                JsonNode chart = again.next("chart"); // the curve so far comes before the session
                assertEquals(12, chart.get("epochs").get(chart.get("epochs").size() - 1).asInt());
                JsonNode s = again.next("session");
                assertEquals(13, s.get("parameterCount").asInt());
                Frame after = again.frameAt(12);
                assertEquals(before.lossTrain(), after.lossTrain(), 0.0, "same weights and epoch");
                JsonNode back = card(t, a.id(), c -> c.get("state").asText().equals("paused"), "back, same card");
                assertEquals("Ada", back.get("name").asText());
                again.send("{\"type\":\"step\"}");
                assertEquals(13, again.frameAt(13).epoch());
                // the same student in a second tab: the first one stands by, the run goes on in the second
                try (WsClient second = resume(a.token())) {
                    assertEquals("elsewhere", again.next("roomClosed").get("reason").asText());
                    second.send("{\"type\":\"step\"}");
                    assertEquals(14, second.frameAt(14).epoch());
                }
            }
            // a token that is not one is refused, nothing else happens
            try (WsClient stranger = WsClient.connectTo(server.port(), "/ws/room")) {
                stranger.send("{\"type\":\"resume\",\"token\":\"not-a-token\"}");
                assertTrue(stranger.next("error").get("message").asText().contains("join again"));
            }
        }
        http("POST", "/api/rooms/" + room.code() + "/actions", "{\"type\":\"closeRoom\"}", room.key());
    }

    @Test
    void leaderboardAndReport() throws Exception {
        Made room = room(XOR);
        try (Pupil a = join(room, "=cmd|' /C calc'!A0"); Pupil b = join(room, "Ben \"B\""); WsClient t = teacher(room)) {
            a.socket().send("{\"type\":\"step\",\"epochs\":40}");
            a.socket().frameAt(40);
            b.socket().frameAt(0);
            JsonNode board = t.next(m -> m.path("type").asText().equals("roster") && m.get("leaderboard").size() == 2
                    && m.get("leaderboard").get(0).get("epoch").asInt() == 40, "leaderboard of two").get("leaderboard");
            assertTrue(board.get(0).get("lossTest").asDouble() <= board.get(1).get("lossTest").asDouble());

            // a new exercise starts a new leaderboard: the old networks' losses no longer count
            t.send("{\"type\":\"pushExercise\",\"link\":\"dataset=xor&networkShape=2&seed=0.9\"}");
            JsonNode fresh = t.next(m -> m.path("type").asText().equals("roster") && m.get("leaderboard").size() == 2
                    && m.get("leaderboard").get(0).get("parameters").asInt() == 9, "leaderboard of the new exercise").get("leaderboard");
            for (JsonNode e : fresh) assertEquals(9, e.get("parameters").asInt(), fresh.toString());
            for (int i = 0; i < 3; i++) {
                JsonNode later = t.next("roster").get("leaderboard");
                for (JsonNode e : later) assertEquals(9, e.get("parameters").asInt(), "no entry of the old exercise comes back: " + later);
            }
            a.socket().send("{\"type\":\"step\",\"epochs\":40}");
            a.socket().frameAt(40);

            assertEquals(403, http("GET", "/api/rooms/" + room.code() + "/report.csv", null, null).status());
            assertEquals(403, http("GET", "/api/rooms/" + room.code() + "/report.csv?key=wrong", null, null).status());
            Reply r = http("GET", "/api/rooms/" + room.code() + "/report.csv?key=" + java.net.URLEncoder.encode(room.key(), "UTF-8"), null, null);
            assertEquals(200, r.status());
            String[] lines = r.text().split("\r\n");
            assertEquals("name,link,epochs,loss_train,loss_test,metric,metric_train,metric_test,state", lines[0]);
            assertEquals(3, lines.length, r.text());
            assertTrue(lines[1].startsWith("\"'=cmd|' /C calc'!A0\",\"") && lines[1].contains("dataset=xor") && lines[1].contains(",40,"),
                    "formula defused, link, epochs: " + lines[1]);
            assertTrue(lines[1].endsWith(",accuracy," + lines[1].split(",accuracy,")[1]) && lines[1].endsWith(",paused"), lines[1]);
            assertTrue(lines[2].startsWith("\"Ben \"\"B\"\"\""), lines[2]);
        }
        http("POST", "/api/rooms/" + room.code() + "/actions", "{\"type\":\"closeRoom\"}", room.key());
    }

    /**
     * The error {@code message} gets on a new room socket that took no role (a socket of its own
     * each time: one with no role is closed after RoleDeadline's few seconds, which a loaded machine
     * can spend between two messages).
     */
    private static String withoutARole(String message) throws Exception {
        try (WsClient c = WsClient.connectTo(server.port(), "/ws/room")) {
            c.send(message);
            return c.next("error").get("message").asText();
        }
    }

    @Test
    void everyTeacherActionNeedsTheKey() throws Exception {
        Made room = room(XOR);
        List<String> actions = List.of("{\"type\":\"pushExercise\",\"link\":\"dataset=circle\"}", "{\"type\":\"pauseAll\"}",
                "{\"type\":\"resumeAll\"}", "{\"type\":\"resetAll\"}", "{\"type\":\"notice\",\"text\":\"hi\"}",
                "{\"type\":\"spotlight\",\"studentId\":null}", "{\"type\":\"anonymize\",\"on\":true}",
                "{\"type\":\"removeStudent\",\"studentId\":\"x\"}", "{\"type\":\"closeRoom\"}");
        try (Pupil a = join(room, "Ada")) {
            a.socket().send("{\"type\":\"step\",\"epochs\":3}");
            a.socket().frameAt(3);
            assertTrue(withoutARole("{\"type\":\"teach\",\"code\":\"" + room.code() + "\",\"key\":\"guess\"}").contains("only the teacher"));
            for (String action : actions) {
                for (String key : new String[] {null, "guess", room.key().substring(1)}) {
                    assertEquals(403, http("POST", "/api/rooms/" + room.code() + "/actions", action, key).status(), action);
                }
                a.socket().send(action);
                assertTrue(a.socket().next("error").get("message").asText().contains("only the teacher"), action);
                assertTrue(withoutARole(action).contains("only the teacher"), action);
            }
            assertTrue(withoutARole("{\"type\":\"watch\",\"studentId\":\"" + a.id() + "\"}").contains("only the teacher"));
            // nothing changed: the student's run is still at epoch 3, paused, in an open room, named
            a.socket().send("{\"type\":\"step\"}");
            assertEquals(4, a.socket().frameAt(4).epoch());
            try (WsClient t = teacher(room)) {
                JsonNode card = card(t, a.id(), c -> true, "the card");
                assertEquals("Ada", card.get("name").asText());
            }
            // the right key works over HTTP too, answered as the room socket answers: done, with whom an action for all reached
            Reply told = http("POST", "/api/rooms/" + room.code() + "/actions", "{\"type\":\"notice\",\"text\":\"Look up\"}", room.key());
            assertEquals(200, told.status());
            assertEquals("done", told.json().get("type").asText());
            assertEquals("notice", told.json().get("request").asText());
            JsonNode reach = told.json().get("reach");
            assertEquals(1, reach.get("students").asInt());
            assertEquals(1, reach.get("reached").asInt());
            assertEquals(0, reach.get("notConnected").asInt());
            assertEquals("told 1 of 1", reach.get("text").asText());
            assertEquals("Look up", a.socket().next("notice").get("text").asText());
            Reply removed = http("POST", "/api/rooms/" + room.code() + "/actions", "{\"type\":\"removeStudent\",\"studentId\":\"" + a.id() + "\"}", room.key());
            assertEquals(200, removed.status());
            assertEquals("removeStudent", removed.json().get("request").asText());
            assertTrue(removed.json().get("reach") == null, "only actions for every student say whom they reached: " + removed.json());
            assertTrue(a.socket().next("roomClosed").get("message").asText().contains("removed"));
        }
        assertEquals(200, http("POST", "/api/rooms/" + room.code() + "/actions", "{\"type\":\"closeRoom\"}", room.key()).status());
        assertEquals(410, http("POST", "/api/rooms/" + room.code() + "/students", "{\"name\":\"Late\"}", null).status(), "joining a closed class says it has ended");
    }

    @Test
    void limitsNamesAndCodeGuessing() throws Exception {
        Made room = room(null);
        assertEquals(400, http("POST", "/api/rooms/" + room.code() + "/students", "{\"name\":\"  \"}", null).status());
        Reply longName = http("POST", "/api/rooms/" + room.code() + "/students", "{\"name\":\"" + "x".repeat(25) + "\"}", null);
        assertEquals(400, longName.status());
        assertTrue(longName.json().get("error").asText().contains("at most 24"));
        List<Pupil> pupils = new ArrayList<>();
        for (int i = 0; i < 3; i++) pupils.add(join(room, "P" + i));
        Reply full = http("POST", "/api/rooms/" + room.code() + "/students", "{\"name\":\"P4\"}", null);
        assertEquals(409, full.status());
        assertTrue(full.json().get("error").asText().contains("full (3 students)"));
        pupils.forEach(Pupil::close);

        // wrong codes: a few get "no class", then the address waits (even for a right code);
        // on a server of its own, so the other tests' closed rooms do not count
        PlaygroundServer shared = server;
        server = PlaygroundServer.start(config(java.nio.file.Files.createTempDirectory("rooms-guess-")));
        try {
            room = room(null);
            guessCodes(room);
        } finally {
            server.stop();
            server = shared;
        }
    }

    private static void guessCodes(Made room) throws Exception {
        int notFound = 0;
        int tooMany = 0;
        for (int i = 0; i < 14; i++) {
            int s = http("POST", "/api/rooms/AAAAA" + "CDEFGHJKMNPQ".charAt(i % 12) + "/students", "{\"name\":\"G\"}", null).status();
            if (s == 404) notFound++;
            if (s == 429) tooMany++;
        }
        assertEquals(10, notFound);
        assertEquals(4, tooMany);
        Reply blocked = http("POST", "/api/rooms/" + room.code() + "/students", "{\"name\":\"Right\"}", null);
        assertEquals(429, blocked.status());
        assertTrue(blocked.json().get("error").asText().contains("wait a minute"));
        http("POST", "/api/rooms/" + room.code() + "/actions", "{\"type\":\"closeRoom\"}", room.key());
    }

    @Test
    void roomsAndRostersSurviveARestart() throws Exception {
        PlaygroundServer shared = server;
        java.nio.file.Path data = java.nio.file.Files.createTempDirectory("rooms-restart-");
        server = PlaygroundServer.start(config(data));
        try {
            Made room = room(XOR);
            String id;
            String token;
            try (Pupil a = join(room, "Ada"); WsClient t = teacher(room)) {
                id = a.id();
                token = a.token();
                a.socket().frameAt(0);
                t.send("{\"type\":\"pushExercise\",\"link\":\"dataset=circle&networkShape=2&seed=0.3&learningRate_hide=true\"}");
                t.next("done");
                a.socket().next(m -> m.path("type").asText().equals("session") && m.get("link").asText().contains("dataset=circle"), "pushed");
                a.socket().send("{\"type\":\"set\",\"key\":\"batchSize\",\"value\":\"7\"}");
                a.socket().next("link");
                a.socket().send("{\"type\":\"step\",\"epochs\":20}");
                a.socket().frameAt(20);
            }
            Thread.sleep(500); // the roster is written by the store's own thread
            server.stop();
            server = PlaygroundServer.start(config(data));
            // the same code and key still teach; the student is on the roster, away until they come back
            try (WsClient t = teacher(room)) {
                JsonNode card = card(t, id, c -> true, "Ada after the restart");
                assertEquals("Ada", card.get("name").asText());
                assertEquals("left", card.get("state").asText());
                try (WsClient again = resume(token)) {
                    // her run itself comes back (its checkpoint), not a fresh one of her last link
                    JsonNode resumed = again.next("resumed");
                    assertEquals("checkpoint", resumed.get("from").asText(), resumed.toString());
                    assertEquals(20, resumed.get("epoch").asInt(), resumed.toString());
                    again.frameAt(20);
                    JsonNode s = again.next("session");
                    assertTrue(s.get("link").asText().contains("dataset=circle") && s.get("link").asText().contains("batchSize=7"),
                            "their last settings: " + s.get("link").asText());
                    again.send("{\"type\":\"set\",\"key\":\"learningRate\",\"value\":\"1\"}");
                    assertTrue(again.next("error").get("message").asText().contains("locked"), "the exercise's locks too");
                    card(t, id, c -> c.get("state").asText().equals("paused"), "back on the same card");
                }
            }
            WsClient wrong = WsClient.connectTo(server.port(), "/ws/room");
            wrong.send("{\"type\":\"teach\",\"code\":\"" + room.code() + "\",\"key\":\"x" + room.key() + "\"}");
            assertTrue(wrong.next("error").get("message").asText().contains("only the teacher"));
            wrong.close();
        } finally {
            server.stop();
            server = shared;
        }
    }

    @Test
    void removalsAndEndedClassesSurviveARestart() throws Exception {
        PlaygroundServer shared = server;
        java.nio.file.Path data = java.nio.file.Files.createTempDirectory("rooms-removed-");
        server = PlaygroundServer.start(config(data));
        try {
            Made open = room(XOR);
            Made closed = room(XOR);
            String token;
            try (Pupil bo = join(open, "Bo"); Pupil cy = join(closed, "Cy"); WsClient t = teacher(closed)) {
                token = bo.token();
                cy.socket().send("{\"type\":\"step\",\"epochs\":7}");
                cy.socket().frameAt(7);
                assertEquals(200, http("POST", "/api/rooms/" + open.code() + "/actions",
                        "{\"type\":\"removeStudent\",\"studentId\":\"" + bo.id() + "\"}", open.key()).status());
                card(t, cy.id(), c -> c.get("epoch").asInt() == 7, "Cy at epoch 7 before the end");
                assertEquals(200, http("POST", "/api/rooms/" + closed.code() + "/actions", "{\"type\":\"closeRoom\"}", closed.key()).status());
            }
            server.stop(); // the store's writes are finished before it closes
            server = PlaygroundServer.start(config(data));

            Reply again = http("POST", "/api/rooms/" + open.code() + "/students", "{\"name\":\" BO \"}", null);
            assertEquals(403, again.status(), "the removed name stays refused: " + again.text());
            assertTrue(again.json().get("error").asText().contains("removed"), again.text());
            try (WsClient back = WsClient.connectTo(server.port(), "/ws/room")) {
                back.send("{\"type\":\"resume\",\"token\":\"" + token + "\"}");
                assertTrue(back.next("error").get("message").asText().contains("removed"), "and so does the removed token");
            }
            try (Pupil other = join(open, "Di")) {
                assertTrue(!other.id().isEmpty(), "the class itself goes on");
            }

            Reply late = http("POST", "/api/rooms/" + closed.code() + "/students", "{\"name\":\"Late\"}", null);
            assertEquals(410, late.status(), late.text());
            assertTrue(late.json().get("error").asText().contains("has ended"), late.text());
            try (WsClient t = WsClient.connectTo(server.port(), "/ws/room")) {
                t.send("{\"type\":\"teach\",\"code\":\"" + closed.code() + "\",\"key\":\"" + closed.key() + "\"}");
                assertEquals("closed", t.next("roomClosed").get("reason").asText(), "the teacher's dashboard says the class ended");
            }
            Reply report = http("GET", "/api/rooms/" + closed.code() + "/report.csv", null, closed.key());
            assertEquals(200, report.status(), report.text());
            assertTrue(report.text().contains("Cy"), "the report as it was at the end: " + report.text());
            assertEquals(403, http("GET", "/api/rooms/" + closed.code() + "/report.csv", null, "x" + closed.key()).status());
        } finally {
            server.stop();
            server = shared;
        }
    }

    @Test
    void roomsCreatedPerAddressPerHourAreLimited() throws Exception {
        assertEquals(10, ServerConfig.defaults().rooms().roomsPerHour());
        assertEquals(3, ServerConfig.from(new String[] {"--rooms-per-hour", "3"}, java.util.Map.of()).rooms().roomsPerHour());
        assertEquals(4, ServerConfig.from(new String[0], java.util.Map.of("ROOMS_PER_HOUR", "4")).rooms().roomsPerHour());
        PlaygroundServer shared = server;
        java.nio.file.Path data = java.nio.file.Files.createTempDirectory("rooms-per-hour-");
        DATA_DIRS.add(data);
        server = PlaygroundServer.start(config(data).withRooms(new RoomLimits(3, 50, Duration.ofSeconds(30), 10, 2)));
        try {
            Made first = room(null);
            room(null);
            Reply limited = http("POST", "/api/rooms", "", null);
            assertEquals(429, limited.status(), limited.text());
            String error = limited.json().get("error").asText();
            assertTrue(error.contains("2 classes in the last hour"), error);
            assertEquals(2, http("GET", "/health", null, null).json().get("rooms").asInt(), "nothing was created");
            // the rooms already made work as before
            assertEquals(201, http("POST", "/api/rooms/" + first.code() + "/students", "{\"name\":\"Ada\"}", null).status());
        } finally {
            server.stop();
            server = shared;
        }
    }

    @Test
    void playgroundSocketRefusesRoomMessages() throws Exception {
        try (WsClient c = WsClient.connect(server.port())) {
            c.send("{\"type\":\"pauseAll\"}");
            assertTrue(c.next("error").get("message").asText().contains("/ws/room"));
        }
    }

    private static List<Integer> toInts(JsonNode array) {
        List<Integer> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asInt()));
        return out;
    }

    /** Every text value of {@code node} and its fields' names, except base64 pictures (thumbs, grid, images). */
    private static java.util.stream.Stream<String> texts(JsonNode node) {
        if (node.isTextual()) return java.util.stream.Stream.of(node.asText());
        java.util.stream.Stream.Builder<String> all = java.util.stream.Stream.builder();
        if (node.isArray()) node.forEach(n -> texts(n).forEach(all));
        node.fields().forEachRemaining(f -> {
            all.add(f.getKey());
            if (!java.util.Set.of("thumbs", "grid", "images").contains(f.getKey())) texts(f.getValue()).forEach(all);
        });
        return all.build();
    }
}
