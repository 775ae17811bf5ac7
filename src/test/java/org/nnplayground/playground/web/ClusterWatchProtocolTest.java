package org.nnplayground.playground.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nnplayground.playground.room.RoomLimits;
import org.nnplayground.playground.store.StoreSettings;
import org.nnplayground.playground.web.RoomClient.Made;
import org.nnplayground.playground.web.RoomClient.Pupil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.nnplayground.playground.web.RoomClient.card;
import static org.nnplayground.playground.web.RoomClient.http;
import static org.nnplayground.playground.web.RoomClient.join;
import static org.nnplayground.playground.web.RoomClient.resume;
import static org.nnplayground.playground.web.RoomClient.room;
import static org.nnplayground.playground.web.RoomClient.teacher;

/**
 * A teacher on one server watches a student whose run trains on another (two servers on one
 * PostgreSQL, PG_TEST_URL; a bare mvn test skips): the run is relayed between the servers, live,
 * and the view follows the run when its server dies and the student goes on on the teacher's.
 */
class ClusterWatchProtocolTest {
    private static final String XOR = "dataset=xor&activation=tanh&networkShape=3&learningRate=0.03&seed=0.5";
    private static final List<Path> DIRS = new ArrayList<>();
    private static PlaygroundServer a;

    @BeforeAll
    static void start() throws Exception {
        String url = org.nnplayground.playground.store.TestPostgres.url();
        assumeTrue(url != null && !url.isBlank(), "PG_TEST_URL is not set (scripts/test.sh sets it)");
        a = PlaygroundServer.start(config("watch-a"));
    }

    /** A replica on the test database, checkpointing every second. */
    static ServerConfig config(String replica) throws java.io.IOException {
        Path dir = Files.createTempDirectory("cluster-watch-");
        DIRS.add(dir);
        return ServerConfig.defaults().toBuilder().host("127.0.0.1").port(0)
                .store(new StoreSettings(dir, org.nnplayground.playground.store.TestPostgres.url(), 90, 1000, StoreSettings.DEFAULT_MAX_RUN_BYTES))
                .rooms(new RoomLimits(6, 50, Duration.ofSeconds(60), 30, 100))
                .cluster(new ClusterSettings(replica, Duration.ofSeconds(1)))
                .build();
    }

    @AfterAll
    static void stop() throws java.io.IOException {
        if (a != null) a.stop();
        for (Path dir : DIRS) RoomServers.deleteTree(dir);
    }

    @Test
    void aTeacherWatchesAStudentOnAnotherServerAndKeepsWatchingAfterTheStudentFailsOver() throws Exception {
        PlaygroundServer b = PlaygroundServer.start(config("watch-b"));
        Made room = room(a, XOR);
        try (WsClient t = teacher(a, room); Pupil ada = join(b, room, "Ada")) {
            ada.socket().send("{\"type\":\"speed\",\"epochs\":1}");
            ada.socket().send("{\"type\":\"play\"}");
            card(t, ada.id(), c -> c.get("epoch").asInt() > 5 && c.get("state").asText().equals("playing"), "Ada training on b");

            // the projector's view (a read-only page) on the teacher's server: the run comes from b
            try (WsClient view = WsClient.connectTo(a.port(), "/ws/room")) {
                view.send("{\"type\":\"teach\",\"code\":\"" + room.code() + "\",\"key\":\"" + room.key() + "\"}");
                view.send("{\"type\":\"watch\",\"studentId\":\"" + ada.id() + "\"}");
                assertEquals(ada.id(), view.next("watching").get("studentId").asText());
                JsonNode session = view.next("session");
                assertTrue(session.toString().contains("xor"), "the run's description, relayed: " + session);
                List<Integer> epochs = epochs(view, 5, e -> true);
                assertTrue(increasing(epochs), "live frames of the run on b: " + epochs);

                // b dies; Ada's page comes back on a, from her checkpoint; the view follows her run there
                b.stopAbruptly();
                b = null;
                try (WsClient back = resume(a, ada.token())) {
                    int from = back.next("resumed").get("epoch").asInt();
                    back.send("{\"type\":\"play\"}");
                    // the view shows her run here from its description on; frames relayed before b died came earlier on the same socket
                    awaitText(view, "session");
                    view.frames.clear();
                    List<Integer> after = epochs(view, 5, e -> e > from);
                    assertTrue(increasing(after) && after.get(0) > from, "live frames of her run on a, from " + from + ": " + after);
                }
            }
        } finally {
            if (b != null) b.stopAbruptly();
            http(a, "POST", "/api/rooms/" + room.code() + "/actions", "{\"type\":\"closeRoom\"}", room.key());
        }
    }

    /** The epochs of the next {@code count} frames that pass {@code wanted}, waiting up to a minute in all. */
    private static List<Integer> epochs(WsClient view, int count, java.util.function.IntPredicate wanted) throws InterruptedException {
        List<Integer> out = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (out.size() < count && System.nanoTime() < deadline) {
            Frame f = view.frames.poll(100, TimeUnit.MILLISECONDS);
            if (f != null && wanted.test(f.epoch())) out.add(f.epoch());
        }
        assertEquals(count, out.size(), "frames within a minute: " + out);
        return out;
    }

    /** The next message of {@code type}, waiting up to a minute (a run that moved is found again within seconds). */
    private static JsonNode awaitText(WsClient view, String type) throws InterruptedException {
        for (int tries = 0; tries < 5; tries++) {
            try {
                return view.next(type);
            } catch (AssertionError notYet) {
                // next waits 10 s at a time
            }
        }
        return view.next(type);
    }

    private static boolean increasing(List<Integer> epochs) {
        for (int i = 1; i < epochs.size(); i++) if (epochs.get(i) <= epochs.get(i - 1)) return false;
        return true;
    }
}
