package org.nnplayground.playground.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.nnplayground.playground.room.RoomLimits;
import org.nnplayground.playground.store.StoreSettings;
import org.nnplayground.playground.web.RoomClient.Made;
import org.nnplayground.playground.web.RoomClient.Pupil;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.nnplayground.playground.web.RoomClient.join;
import static org.nnplayground.playground.web.RoomClient.room;
import static org.nnplayground.playground.web.RoomClient.teacher;

/**
 * A class across two servers while their shared PostgreSQL is down: the teacher on A pauses
 * everyone and sends a notice; A's students get both at once, the answers say that B's students
 * wait, B's students get them (the notices in order) once PostgreSQL is back, and B's training students never
 * read "away" on the teacher's dashboard. It stops and starts a PostgreSQL of its own (made with
 * the binaries of scripts/test-services.sh, PG_TEST_BIN), never the one the other tests share, which
 * another test fork may be using; a bare mvn test skips.
 */
class ClusterOutageProtocolTest {
    private static final String XOR = "dataset=xor&activation=tanh&networkShape=3&learningRate=0.03&seed=0.5";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Set<String> awayOnB = new HashSet<>();
    private Set<String> bIds = Set.of();
    /** What the test was doing when a card read away (for the failure message). */
    private String phase = "training, before the outage";

    @Test
    void teacherActionsDuringAnOutageReachTheOtherServersStudentsInOrderWhenItEndsAndTheirCardsNeverReadAway() throws Exception {
        String bin = System.getenv("PG_TEST_BIN");
        assumeTrue(bin != null && !bin.isBlank(), "PG_TEST_BIN is not set (scripts/test-services.sh start_test_postgres sets it)");
        List<Path> dirs = new ArrayList<>();
        Postgres pg = Postgres.create(Path.of(bin));
        try (PlaygroundServer a = PlaygroundServer.start(config("outage-a", pg.url(), dirs));
             PlaygroundServer b = PlaygroundServer.start(config("outage-b", pg.url(), dirs))) {
            Made room = room(a, XOR);
            try (WsClient t = teacher(a, room);
                 Pupil a1 = join(a, room, "Ada");
                 Pupil a2 = join(a, room, "Abe");
                 Pupil a3 = join(a, room, "Al");
                 Pupil b1 = join(b, room, "Bea");
                 Pupil b2 = join(b, room, "Bo")) {
                List<Pupil> onA = List.of(a1, a2, a3);
                List<Pupil> onB = List.of(b1, b2);
                for (Pupil p : List.of(a1, a2, a3, b1, b2)) p.socket().send("{\"type\":\"play\"}");
                for (Pupil p : List.of(a1, a2, a3, b1, b2)) {
                    p.socket().next(m -> m.path("type").asText().equals("status") && m.path("state").asText().equals("playing"), "playing");
                }
                for (Pupil p : onB) {
                    card(t, p.id(), c -> c.get("state").asText().equals("playing") && c.get("epoch").asInt() > 3, p.id() + " playing on A's dashboard");
                }
                bIds = Set.of(b1.id(), b2.id()); // training from here on (before its first card, a student on B shows away)

                pg.stop();
                phase = "outage";
                awaitEvents(a, "reconnecting");
                awaitEvents(b, "reconnecting");

                t.send("{\"type\":\"pauseAll\"}");
                JsonNode paused = next(t, m -> m.path("type").asText().equals("done"), "pauseAll's answer").get("reach");
                assertEquals(5, paused.get("students").asInt(), paused.toString());
                assertEquals(3, paused.get("reached").asInt(), paused.toString());
                assertEquals(2, paused.get("otherServers").asInt(), paused.toString());
                assertEquals(2, paused.get("waiting").asInt(), paused.toString());
                assertTrue(paused.get("text").asText().startsWith("paused 3 of 5; 2 on another server will pause"), paused.toString());
                t.send("{\"type\":\"notice\",\"text\":\"Back in a minute\"}");
                JsonNode told = next(t, m -> m.path("type").asText().equals("done"), "notice's answer").get("reach");
                assertEquals(2, told.get("waiting").asInt(), told.toString());
                t.send("{\"type\":\"notice\",\"text\":\"Pens down\"}");
                next(t, m -> m.path("type").asText().equals("done"), "the second notice's answer");
                for (Pupil p : onA) {
                    assertEquals(List.of("Back in a minute", "Pens down"), pauseAndNotices(p, "A's student gets the pause and both notices"), "in the teacher's order");
                }
                // longer than a card's silence before "away": B's students train on, unseen by A
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(8);
                while (System.nanoTime() < until) next(t, m -> false, 200);

                pg.start();
                phase = "back";
                long back = System.nanoTime();
                // the room store too: a new room on B (written before it is answered) once PostgreSQL answers
                long storeMillis = -1;
                long storeUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (storeMillis < 0 && System.nanoTime() < storeUntil) {
                    if (RoomClient.http(b, "POST", "/api/rooms", "", null).status() == 201) {
                        storeMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - back);
                    } else {
                        Thread.sleep(50);
                    }
                }
                assertTrue(storeMillis >= 0, "B's room store works again");
                System.out.println("outage test: B's room store made a room " + storeMillis + " ms after PostgreSQL answered");
                List<Long> reconnectMillis = new ArrayList<>();
                for (Pupil p : onB) {
                    List<String> notices = pauseAndNotices(p, "B's student gets the pause and both notices");
                    reconnectMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - back));
                    assertEquals(List.of("Back in a minute", "Pens down"), notices, "in the teacher's order");
                }
                System.out.println("outage test: B's students got the replayed events " + reconnectMillis + " ms after PostgreSQL answered");
                for (Pupil p : onB) card(t, p.id(), c -> c.get("state").asText().equals("paused"), p.id() + " paused on A's dashboard");
                assertEquals(Set.of(), awayOnB, "a card of B's students read away");

                awaitEvents(a, "listening");
                awaitEvents(b, "listening");
                t.send("{\"type\":\"resumeAll\"}");
                JsonNode resumed = next(t, m -> m.path("type").asText().equals("done"), "resumeAll's answer").get("reach");
                assertEquals(0, resumed.get("waiting").asInt(), resumed.toString());
                assertEquals(5, resumed.get("reached").asInt(), resumed.toString());
                for (Pupil p : onB) {
                    p.socket().next(m -> m.path("type").asText().equals("status") && m.path("state").asText().equals("playing"), "B's student plays again");
                }
                assertEquals(0, health(a).get("roomEventsDropped").asLong());
            } finally {
                pg.start();
            }
        } finally {
            pg.destroy();
            for (Path d : dirs) RoomServers.deleteTree(d);
        }
    }

    private static ServerConfig config(String replica, String pgUrl, List<Path> dirs) throws IOException {
        Path dir = Files.createTempDirectory("cluster-outage-");
        dirs.add(dir);
        return ServerConfig.defaults().toBuilder().host("127.0.0.1").port(0)
                .store(new StoreSettings(dir, pgUrl, 90, 1000, StoreSettings.DEFAULT_MAX_RUN_BYTES))
                .rooms(new RoomLimits(10, 50, Duration.ofSeconds(60), 30, 100))
                .cluster(new ClusterSettings(replica, Duration.ofSeconds(1)))
                .build();
    }

    /** The teacher's next message that passes {@code wanted}; every roster update read on the way is checked for B's cards. */
    /**
     * Waits for a student's pause and two notices, in either order: a notice reaches the page as it is
     * applied, the pause on the session's next turn (on a busy machine the notice often comes first).
     */
    private static List<String> pauseAndNotices(Pupil p, String what) throws Exception {
        List<String> notices = new ArrayList<>();
        boolean[] gotPause = new boolean[1];
        p.socket().next(m -> {
            String type = m.path("type").asText();
            if (type.equals("status") && m.path("state").asText().equals("paused")) gotPause[0] = true;
            if (type.equals("notice")) notices.add(m.path("text").asText());
            return gotPause[0] && notices.size() >= 2;
        }, what);
        return notices;
    }

    private JsonNode next(WsClient teacher, Predicate<JsonNode> wanted, String what) throws Exception {
        return teacher.next(m -> watched(m) && wanted.test(m), what);
    }

    /** Reads the teacher's messages for about {@code millis} (a wait, not a bound), checking each. */
    private void next(WsClient teacher, Predicate<JsonNode> wanted, long millis) throws Exception {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        try {
            teacher.next(m -> watched(m) && (wanted.test(m) || System.nanoTime() > until), "teacher messages");
        } catch (AssertionError quiet) {
            // no message for a while: the dashboard had nothing new to show
        }
    }

    /** True always; remembers any card of B's students that read away. */
    private boolean watched(JsonNode m) {
        if (m.path("type").asText().equals("roster")) {
            for (JsonNode c : m.path("cards")) {
                if (bIds.contains(c.path("id").asText()) && c.path("state").asText().equals("away")) awayOnB.add(c.get("id").asText() + " " + phase + " at " + System.currentTimeMillis() % 100_000);
            }
        }
        return true;
    }

    private JsonNode card(WsClient teacher, String id, Predicate<JsonNode> wanted, String what) throws Exception {
        JsonNode[] found = new JsonNode[1];
        next(teacher, m -> {
            if (!m.path("type").asText().equals("roster")) return false;
            for (JsonNode c : m.get("cards")) if (c.get("id").asText().equals(id) && wanted.test(c)) { found[0] = c; return true; }
            return false;
        }, what);
        return found[0];
    }

    private static void awaitEvents(PlaygroundServer s, String state) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String now = health(s).get("roomEvents").asText();
        while (!now.equals(state) && System.nanoTime() < until) {
            Thread.sleep(50);
            now = health(s).get("roomEvents").asText();
        }
        assertEquals(state, now, "room events on " + s.port());
    }

    private static JsonNode health(PlaygroundServer s) throws Exception {
        return RoomServers.JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + "/health")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    /** A PostgreSQL of this test's own in a temporary folder, stopped and started as its unprivileged user. */
    private record Postgres(String url, int port, Path dir, Path bin) {
        static Postgres create(Path bin) throws Exception {
            Path dir = Files.createTempDirectory("outage-pg-");
            if (asPostgres()) exec0("chown", "postgres:", dir.toString());
            int port;
            try (var probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) { port = probe.getLocalPort(); }
            Postgres pg = new Postgres("jdbc:postgresql://127.0.0.1:" + port + "/playground?user=playground", port, dir, bin);
            run(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", "playground", "--auth=trust", "-E", "UTF8");
            pg.start();
            run(bin.resolve("createdb").toString(), "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", "playground", "playground");
            return pg;
        }

        void stop() throws Exception { run(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "fast", "-w", "stop"); }

        /** Starts it on its port; nothing when it runs. */
        void start() throws Exception {
            if (running()) return;
            run(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l", dir.resolve("log").toString(), "-w",
                    "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
        }

        void destroy() throws Exception {
            if (running()) stop();
            RoomServers.deleteTree(dir);
        }

        private boolean running() throws Exception {
            return exec(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "status") == 0;
        }

        private static boolean asPostgres() { return "root".equals(System.getProperty("user.name")); }

        private static void exec0(String... command) throws Exception {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, String.join(" ", command));
        }

        private static void run(String... command) throws Exception { assertEquals(0, exec(command), String.join(" ", command)); }

        /** Runs {@code command} as the user that owns the data (postgres when the tests run as root). */
        private static int exec(String... command) throws Exception {
            List<String> c = new ArrayList<>();
            if (asPostgres()) c.addAll(List.of("runuser", "-u", "postgres", "--"));
            c.addAll(List.of(command));
            Process p = new ProcessBuilder(c).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "timed out: " + c);
            return p.exitValue();
        }
    }
}
