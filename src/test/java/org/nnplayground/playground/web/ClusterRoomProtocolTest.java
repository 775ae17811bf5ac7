package org.nnplayground.playground.web;

import org.nnplayground.playground.store.TestPostgres;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nnplayground.playground.room.RoomLimits;
import org.nnplayground.playground.store.StoreSettings;
import org.nnplayground.playground.web.RoomClient.Made;
import org.nnplayground.playground.web.RoomClient.Pupil;
import org.nnplayground.playground.web.RoomClient.Reply;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.nnplayground.playground.web.RoomClient.card;
import static org.nnplayground.playground.web.RoomClient.http;
import static org.nnplayground.playground.web.RoomClient.join;
import static org.nnplayground.playground.web.RoomClient.joinRequest;
import static org.nnplayground.playground.web.RoomClient.resume;
import static org.nnplayground.playground.web.RoomClient.room;
import static org.nnplayground.playground.web.RoomClient.teacher;

/**
 * One class across two servers sharing one PostgreSQL (PG_TEST_URL; scripts/test.sh sets it, a
 * bare mvn test skips): a teacher on one server, students on both, over real sockets. Room codes
 * are random, so other tests on the same database never meet these rooms.
 */
class ClusterRoomProtocolTest {
    private static final String XOR = "dataset=xor&activation=tanh&networkShape=3&learningRate=0.03&seed=0.5";
    private static final List<Path> DIRS = new ArrayList<>();
    private static PlaygroundServer one;
    private static PlaygroundServer two;

    @BeforeAll
    static void start() throws Exception {
        String url = TestPostgres.url();
        assumeTrue(url != null && !url.isBlank(), "PG_TEST_URL is not set (scripts/test.sh sets it)");
        one = PlaygroundServer.start(config("one"));
        two = PlaygroundServer.start(config("two"));
    }

    /** A replica on the test database: its own name, 6 students a room, checkpoints every second (in the same database). */
    static ServerConfig config(String replica) throws java.io.IOException {
        Path dir = Files.createTempDirectory("cluster-rooms-");
        DIRS.add(dir);
        return ServerConfig.defaults().toBuilder().host("127.0.0.1").port(0)
                .store(new StoreSettings(dir, TestPostgres.url(), 90, 1000, StoreSettings.DEFAULT_MAX_RUN_BYTES))
                .rooms(new RoomLimits(6, 50, Duration.ofSeconds(60), 30, 100))
                .cluster(new ClusterSettings(replica, Duration.ofSeconds(1)))
                .build();
    }

    @AfterAll
    static void stop() throws java.io.IOException {
        if (one != null) one.stop();
        if (two != null) two.stop();
        for (Path dir : DIRS) RoomServers.deleteTree(dir);
    }

    // ---- helpers (RoomClient's, each naming the server it talks to, and these)

    static void act(WsClient teacher, String json) throws Exception {
        teacher.send(json);
        teacher.next("done");
    }

    /** The newest checkpoint of a student's run, as any server reads it (epoch), or -1. */
    static int checkpointed(String studentId) {
        return one.checkpoints().load("student:" + studentId).map(c -> c.snapshot().epoch()).orElse(-1);
    }

    // ---- tests

    @Test
    void aTeacherOnOneServerSeesAndLeadsStudentsOnBoth() throws Exception {
        Made room = room(one, XOR);
        try (WsClient t = teacher(one, room);
             WsClient projector = teacher(two, room);  // the same class's dashboard, opened on the other server
             Pupil ann = join(two, room, "Ann");
             Pupil bob = join(one, room, "Bob");
             Pupil cy = join(two, room, "Cy");
             Pupil dee = join(one, room, "Dee")) {
            for (Pupil p : List.of(ann, bob, cy)) p.socket().send("{\"type\":\"play\"}");
            // the projector on two shows Bob, who trains on one
            card(projector, bob.id(), x -> x.get("epoch").asInt() > 5, "Bob on the dashboard of the other server");
            // every card, wherever the student trains, with figures and a thumbnail
            Set<Integer> numbers = new HashSet<>();
            for (Pupil p : List.of(ann, bob, cy)) {
                JsonNode c = card(t, p.id(), x -> x.get("epoch").asInt() > 5 && x.get("state").asText().equals("playing"), p.id() + " playing");
                assertEquals(1, c.get("thumbCount").asInt());
                assertTrue(c.get("thumbs").asText().length() > 100, "a thumbnail crossed servers");
                numbers.add(c.get("number").asInt());
            }
            assertEquals(3, numbers.size(), "join numbers unique across servers: " + numbers);

            act(t, "{\"type\":\"pauseAll\"}");
            ann.socket().next(m -> m.path("type").asText().equals("status") && m.path("state").asText().equals("paused"), "Ann paused");
            cy.socket().next(m -> m.path("type").asText().equals("status") && m.path("state").asText().equals("paused"), "Cy paused");
            card(t, ann.id(), c -> c.get("state").asText().equals("paused"), "Ann's card paused");

            String exercise = "dataset=circle&activation=relu&networkShape=4,2&learningRate=0.1&seed=0.7&learningRate_hide=true";
            act(t, "{\"type\":\"pushExercise\",\"link\":\"" + exercise + "\"}");
            // the page hears of the exercise and gets the rebuilt session, in either order
            Map<String, JsonNode> got = new java.util.HashMap<>();
            while (got.size() < 2) {
                JsonNode m = ann.socket().next(x -> x.path("type").asText().equals("exercise") || x.path("type").asText().equals("session")
                        && x.path("link").asText().contains("dataset=circle"), "Ann's exercise and session");
                got.put(m.get("type").asText(), m);
            }
            assertTrue(got.get("exercise").get("locked").toString().contains("learningRate"));
            JsonNode rebuilt = got.get("session");
            assertTrue(rebuilt.get("link").asText().contains("learningRate=0.1"));
            ann.socket().send("{\"type\":\"set\",\"key\":\"learningRate\",\"value\":\"3\"}");
            assertTrue(ann.socket().next("error").get("message").asText().contains("locked"), "the lock holds on the other server");

            act(t, "{\"type\":\"notice\",\"text\":\"Look at the boundary\"}");
            assertEquals("Look at the boundary", ann.socket().next("notice").get("text").asText());
            act(t, "{\"type\":\"spotlight\",\"studentId\":\"" + ann.id() + "\"}");
            assertTrue(ann.socket().next("spotlight").get("you").asBoolean());
            assertFalse(cy.socket().next("spotlight").get("you").asBoolean());
            projector.next(m -> m.path("type").asText().equals("roster") && m.path("spotlight").asText().equals(ann.id()), "the spotlight on two");
            // a server that reads the room only now shows it too
            try (PlaygroundServer late = PlaygroundServer.start(config("late")); WsClient t3 = teacher(late, room)) {
                t3.next(m -> m.path("type").asText().equals("roster") && m.path("spotlight").asText().equals(ann.id()), "the spotlight on a later copy");
            }

            act(t, "{\"type\":\"resumeAll\"}");
            JsonNode trained = card(t, ann.id(), c -> c.get("epoch").asInt() > 20 && c.get("state").asText().equals("playing"), "Ann on the exercise");
            assertTrue(Double.isFinite(trained.get("lossTest").asDouble()));
            // the leaderboard ranks students of both servers
            t.next(m -> m.path("type").asText().equals("roster") && m.get("leaderboard").toString().contains(ann.id())
                    && m.get("leaderboard").toString().contains(bob.id()), "a leaderboard with Ann and Bob");

            act(t, "{\"type\":\"anonymize\",\"on\":true}");
            JsonNode anon = card(t, ann.id(), c -> c.get("name").asText().startsWith("Student "), "Ann anonymized");
            assertFalse(anon.get("name").asText().contains("Ann"));
            card(projector, bob.id(), c -> c.get("name").asText().startsWith("Student "), "Bob anonymized on the other server's dashboard");
            act(t, "{\"type\":\"anonymize\",\"on\":false}");
            card(projector, bob.id(), c -> c.get("name").asText().equals("Bob"), "names back on the other server");

            // a student who leaves on one server is gone from the dashboard on the other
            dee.socket().send("{\"type\":\"leaveRoom\"}");
            assertEquals("left", dee.socket().next("roomClosed").get("reason").asText());
            projector.next(m -> m.path("type").asText().equals("roster") && m.get("removed").toString().contains(dee.id())
                    || m.path("full").asBoolean() && !m.get("cards").toString().contains(dee.id()), "Dee's card gone on two");

            // the class report lists everyone, with the figures of the other server's students
            Reply report = http(one, "GET", "/api/rooms/" + room.code() + "/report.csv", null, room.key());
            assertEquals(200, report.status());
            for (String name : List.of("Ann", "Bob", "Cy")) assertTrue(report.text().contains("\"" + name + "\""), report.text());
            String annRow = report.text().lines().filter(l -> l.startsWith("\"Ann\"")).findFirst().orElseThrow();
            assertTrue(annRow.contains("dataset=circle"), annRow);
            java.util.regex.Matcher epochs = java.util.regex.Pattern.compile("^\"Ann\",\"[^\"]*\",(\\d+),").matcher(annRow);
            assertTrue(epochs.find() && Integer.parseInt(epochs.group(1)) > 0, annRow);

            // the answer and the update without Cy's card may come in either order
            t.send("{\"type\":\"removeStudent\",\"studentId\":\"" + cy.id() + "\"}");
            t.nextEach("the removal done and Cy's card gone", m -> m.path("type").asText().equals("done"),
                    m -> m.path("type").asText().equals("roster") && (m.get("removed").toString().contains(cy.id())
                            || m.path("full").asBoolean() && !m.get("cards").toString().contains(cy.id())));
            assertEquals("removed", cy.socket().next("roomClosed").get("reason").asText());

            act(t, "{\"type\":\"closeRoom\"}");
            assertEquals("closed", ann.socket().next("roomClosed").get("reason").asText());
            assertEquals("closed", bob.socket().next("roomClosed").get("reason").asText());
            projector.next("roomClosed");
            assertEquals(410, joinRequest(two, room, "Late").status(), "the other server says the class has ended too");
        }
    }

    @Test
    void theClassViewOnOneServerShowsTheBoundariesOfStudentsOnTheOther() throws Exception {
        Made room = room(one, XOR);
        try (WsClient t = teacher(one, room);
             Pupil ann = join(two, room, "Ann")) {
            ann.socket().send("{\"type\":\"play\"}");
            card(t, ann.id(), x -> x.get("epoch").asInt() > 5, "Ann's card from the other server");
            // nobody shows the class view: Ann's server draws no boundary
            RoomClient.cardsWithoutBoundary(t, ann.id(), 200, false);

            t.send("{\"type\":\"classView\",\"on\":true}");
            Set<String> seen = new HashSet<>();
            while (seen.size() < 2) {
                JsonNode c = card(t, ann.id(), x -> x.hasNonNull("boundary"), "Ann's boundary, drawn on the other server");
                JsonNode b = c.get("boundary");
                assertEquals(40, b.get("size").asInt(), "the class view's 40x40 grid, not the 10x10 thumbnail");
                byte[] grid = java.util.Base64.getDecoder().decode(b.get("grid").asText());
                assertEquals(40 * 40, grid.length);
                seen.add(b.get("grid").asText());
            }

            // the teacher leaves the class view: the other server hears it and stops drawing
            t.send("{\"type\":\"classView\",\"on\":false}");
            RoomClient.cardsWithoutBoundary(t, ann.id(), 200, true);
        }
    }

    @Test
    void healthSaysTheRoomEventsAreListening() throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        Reply h = http(one, "GET", "/health", null, null);
        while (!h.json().path("roomEvents").asText().equals("listening") && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            h = http(one, "GET", "/health", null, null);
        }
        assertEquals("listening", h.json().path("roomEvents").asText(), h.text());
        assertEquals("one", h.json().path("replica").asText());
    }

    @Test
    void joinNumbersAreUniqueAndTheLimitCountsEveryServer() throws Exception {
        Made room = room(two, XOR);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 9; i++) {
                PlaygroundServer server = i % 2 == 0 ? one : two;
                String name = "P" + i;
                replies.add(pool.submit(() -> joinRequest(server, room, name)));
            }
            int joined = 0;
            int full = 0;
            for (Future<Reply> f : replies) {
                Reply r = f.get();
                if (r.status() == 201) joined++;
                else if (r.status() == 409) full++;
                else throw new AssertionError(r.text());
            }
            assertEquals(6, joined, "the room holds 6, counted across both servers");
            assertEquals(3, full);
            // the other server's joins reach this copy as events, within moments
            Reply report = http(one, "GET", "/api/rooms/" + room.code() + "/report.csv", null, room.key());
            long deadline = System.currentTimeMillis() + 60_000;
            while (report.text().lines().count() < 7 && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
                report = http(one, "GET", "/api/rooms/" + room.code() + "/report.csv", null, room.key());
            }
            assertEquals(7, report.text().lines().count(), "6 students and the header: " + report.text());
            try (WsClient t = teacher(one, room)) {
                JsonNode roster = t.next(m -> m.path("type").asText().equals("roster") && m.path("full").asBoolean() && m.get("cards").size() == 6,
                        "a full roster of 6");
                Set<Integer> numbers = new HashSet<>();
                for (JsonNode c : roster.get("cards")) numbers.add(c.get("number").asInt());
                assertEquals(Set.of(1, 2, 3, 4, 5, 6), numbers);
            }
        } finally {
            pool.shutdownNow();
            http(one, "POST", "/api/rooms/" + room.code() + "/actions", "{\"type\":\"closeRoom\"}", room.key());
        }
    }

    @Test
    void aStudentWhoseServerDiesGoesOnFromTheCheckpointOnTheOther() throws Exception {
        PlaygroundServer three = PlaygroundServer.start(config("three"));
        Made room = room(one, XOR);
        try (WsClient t = teacher(one, room)) {
            Pupil dan = join(three, room, "Dan");
            dan.socket().send("{\"type\":\"speed\",\"epochs\":2}");
            dan.socket().send("{\"type\":\"play\"}");
            card(t, dan.id(), c -> c.get("epoch").asInt() > 40 && c.get("state").asText().equals("playing"), "Dan training on three");
            long deadline = System.currentTimeMillis() + 60_000;
            while (checkpointed(dan.id()) < 20 && System.currentTimeMillis() < deadline) Thread.sleep(100);
            assertTrue(checkpointed(dan.id()) >= 20, "Dan's run was checkpointed while it trained");

            three.stopAbruptly();
            three = null;
            // his card goes away on the teacher's dashboard when his server is silent
            card(t, dan.id(), c -> c.get("state").asText().equals("away"), "Dan away");
            int saved = checkpointed(dan.id());

            try (WsClient back = WsClient.connectTo(two.port(), "/ws/room")) {
                back.send("{\"type\":\"resume\",\"token\":\"" + dan.token() + "\"}");
                assertEquals(room.code(), back.nextKeepingOthers("joined").get("code").asText(), "the same class");
                JsonNode resumed = back.next("resumed");
                assertEquals("checkpoint", resumed.get("from").asText());
                assertEquals(saved, resumed.get("epoch").asInt());
                assertTrue(resumed.get("lostSeconds").asLong() >= 0);
                JsonNode session = back.next("session");
                assertTrue(session.get("link").asText().contains("dataset=xor"), "the same run");
                back.frameAt(saved);
                back.send("{\"type\":\"play\"}");
                List<Integer> shown = new ArrayList<>();
                card(t, dan.id(), c -> shown.add(c.get("epoch").asInt()) && c.get("epoch").asInt() > saved
                        && c.get("state").asText().equals("playing"), "Dan training on two");
                assertTrue(shown.stream().allMatch(e -> e >= 20), "his card never went back to epoch 0 on the way: " + shown);
            }
        } finally {
            if (three != null) three.stopAbruptly();
            http(one, "POST", "/api/rooms/" + room.code() + "/actions", "{\"type\":\"closeRoom\"}", room.key());
        }
    }

    @Test
    void aDrainingServerHandsItsStudentsOverWhereTheyAre() throws Exception {
        PlaygroundServer four = PlaygroundServer.start(config("four"));
        Made room = room(one, XOR);
        try (WsClient t = teacher(one, room)) {
            Pupil fay = join(four, room, "Fay");
            fay.socket().send("{\"type\":\"speed\",\"epochs\":1}");
            fay.socket().send("{\"type\":\"play\"}");
            card(t, fay.id(), c -> c.get("epoch").asInt() > 30, "Fay training on four");
            // a rolling restart (SIGTERM): her run is checkpointed where it stops, her socket told to reconnect
            four.drain();
            four = null;
            assertEquals(1012, fay.socket().closed.get(5, java.util.concurrent.TimeUnit.SECONDS));
            int last = fay.socket().frames.stream().mapToInt(Frame::epoch).max().orElse(0);
            int saved = checkpointed(fay.id());
            assertTrue(saved >= last, "checkpointed at " + saved + ", her page had seen " + last);
            try (WsClient back = resume(two, fay.token())) {
                JsonNode resumed = back.next("resumed");
                assertEquals(saved, resumed.get("epoch").asInt());
                assertEquals("checkpoint", resumed.get("from").asText());
                assertEquals(0, resumed.get("lostSeconds").asInt(), "a drain loses no training: " + resumed);
                assertTrue(resumed.has("offlineSeconds"), resumed.toString());
                back.frameAt(saved);
                List<Integer> shown = new ArrayList<>();
                card(t, fay.id(), c -> shown.add(c.get("epoch").asInt()) && c.get("epoch").asInt() == saved
                        && c.get("state").asText().equals("paused"), "Fay on two");
                assertTrue(shown.stream().allMatch(e -> e > 30), "her card never showed epoch 0 on the way: " + shown);
            }
        } finally {
            if (four != null) four.stopAbruptly();
            http(one, "POST", "/api/rooms/" + room.code() + "/actions", "{\"type\":\"closeRoom\"}", room.key());
        }
    }

    @Test
    void aStudentWhoConnectsToTheOtherServerMovesThereAndTheFirstLetsGo() throws Exception {
        Made room = room(one, XOR);
        try (WsClient t = teacher(one, room); Pupil eve = join(one, room, "Eve")) {
            eve.socket().send("{\"type\":\"play\"}");
            card(t, eve.id(), c -> c.get("epoch").asInt() > 10, "Eve training on one");
            int before = one.sessions();
            try (WsClient there = resume(two, eve.token())) {
                assertEquals("elsewhere", eve.socket().next("roomClosed").get("reason").asText(), "the first server let her go");
                there.next("session");
                long deadline = System.currentTimeMillis() + 60_000;
                while (one.sessions() >= before && System.currentTimeMillis() < deadline) Thread.sleep(50);
                assertEquals(before - 1, one.sessions(), "her session on the first server is freed");
                there.send("{\"type\":\"play\"}");
                card(t, eve.id(), c -> c.get("state").asText().equals("playing"), "Eve's card from two");
            }
        } finally {
            http(one, "POST", "/api/rooms/" + room.code() + "/actions", "{\"type\":\"closeRoom\"}", room.key());
        }
    }
}
