package org.nnplayground.playground.web;

import org.nnplayground.playground.store.TestPostgres;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnplayground.playground.session.RunSnapshotTest;
import org.nnplayground.playground.store.StoreSettings;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Failover over real sockets: two servers on one PostgreSQL (PG_TEST_URL). A page's run survives
 * its server vanishing (resumed on the other from the last checkpoint, then bit for bit as if never
 * interrupted) and a rolling restart (drain: /health 503 "draining", close 1012, nothing lost).
 */
class FailoverProtocolTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static String url;

    @TempDir
    Path dir;

    @BeforeAll
    static void postgres() { url = TestPostgres.url(); }

    /** Two replicas need a shared database: the tests that start them skip without PG_TEST_URL. */
    private static void needsPostgres() {
        assumeTrue(url != null && !url.isBlank(), "PG_TEST_URL is not set (scripts/test.sh sets it)");
    }

    private PlaygroundServer start(String replica) {
        needsPostgres();
        return startOn(url, replica);
    }

    /** A server on {@code databaseUrl} (null: the embedded H2 in this test's folder). */
    private PlaygroundServer startOn(String databaseUrl, String replica) {
        StoreSettings store = new StoreSettings(dir, databaseUrl, 90, 1000, StoreSettings.DEFAULT_MAX_RUN_BYTES);
        return PlaygroundServer.start(ServerConfig.defaults().toBuilder().host("127.0.0.1").port(0).store(store)
                .cluster(new ClusterSettings(replica, Duration.ofSeconds(1))).build());
    }

    @Test
    void aRunCheckpointedOnAServerThatVanishesContinuesBitForBitOnAnother() throws Exception {
        String link = RunSnapshotTest.ADAM_DROPOUT;
        try (PlaygroundServer a = start("a"); PlaygroundServer b = start("b")) {
            String token;
            try (WsClient c = WsClient.connect(a.port())) {
                token = c.next("resumeToken").get("token").asText();
                load(c, link);
                c.send("{\"type\":\"step\",\"epochs\":50}");
                c.frameAt(50);
                // the step's end is checkpointed; wait for the write, then the server vanishes unannounced
                awaitWritten(a, 1); // the untrained load wrote none
                assertTrue(health(a).get("checkpoints").get("written").asLong() >= 1, "/health counts them");
                a.stopAbruptly();
            }
            String resumedId;
            try (WsClient c = WsClient.connect(b.port())) {
                assertNotEquals(token, c.next("resumeToken").get("token").asText(), "each socket gets a token of its own");
                c.send("{\"type\":\"resume\",\"token\":\"" + token + "\"}");
                JsonNode resumed = c.next("resumed");
                assertEquals("checkpoint", resumed.get("from").asText());
                assertEquals(50, resumed.get("epoch").asInt());
                assertEquals(0, resumed.get("lostSeconds").asInt(), "written where the step ended: no training lost " + resumed);
                assertTrue(resumed.get("offlineSeconds").asInt() >= 0 && resumed.get("offlineSeconds").asInt() < 60, resumed.toString());
                assertNotEquals(token, c.next("resumeToken").get("token").asText(), "the resumed run goes on under a fresh token");
                c.next("session");
                Frame restored = c.frameAt(50);
                assertEquals(0, restored.firstHistoryEpoch(), "the whole chart comes back");
                assertEquals("paused", c.next("status").get("state").asText());
                c.send("{\"type\":\"step\",\"epochs\":50}");
                c.frameAt(100);
                resumedId = save(c);
            }
            String straightId;
            try (WsClient c = WsClient.connect(b.port())) {
                load(c, link);
                c.send("{\"type\":\"step\",\"epochs\":100}");
                c.frameAt(100);
                straightId = save(c);
            }
            JsonNode resumed = get(b, "/api/runs/" + resumedId);
            JsonNode straight = get(b, "/api/runs/" + straightId);
            assertEquals(100, resumed.get("epoch").asInt());
            assertEquals(straight.get("weights"), resumed.get("weights"), "weights bit for bit");
            assertEquals(straight.get("lossHistory"), resumed.get("lossHistory"), "every epoch's losses bit for bit");
            assertEquals(101, resumed.get("lossHistory").get("train").size());
        }
    }

    @Test
    void aDuplicatedTabThatResumesAndClosesLeavesTheOriginalTabsCheckpoint() throws Exception {
        try (PlaygroundServer a = startOn(null, "single")) {
            String token;
            WsClient original = WsClient.connect(a.port());
            token = original.next("resumeToken").get("token").asText();
            load(original, "dataset=xor&networkShape=3&seed=0.5");
            original.send("{\"type\":\"step\",\"epochs\":20}");
            original.frameAt(20);
            awaitWritten(a, 1);
            // the duplicate starts with a copy of the original's sessionStorage: it resumes with its token
            try (WsClient duplicate = WsClient.connect(a.port())) {
                duplicate.next("resumeToken");
                duplicate.send("{\"type\":\"resume\",\"token\":\"" + token + "\"}");
                assertEquals("checkpoint", duplicate.next("resumed").get("from").asText());
                assertNotEquals(token, duplicate.next("resumeToken").get("token").asText(), "the duplicate gets a token of its own");
                duplicate.frameAt(20);
                awaitWritten(a, 2); // the restored run's own checkpoint
            } // the duplicate tab closes (1000): its checkpoint goes, not the original's
            // the server has handled the close (one session left) and written what it queued for it
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (health(a).get("sessions").asInt() > 1 && System.nanoTime() < until) Thread.sleep(20);
            assertEquals(1, health(a).get("sessions").asInt(), "the duplicate's session ended");
            while (a.checkpoints().pending() > 0 && System.nanoTime() < until) Thread.sleep(20);
            original.abort(); // the original loses its network and comes back
            try (WsClient back = WsClient.connect(a.port())) {
                back.next("resumeToken");
                back.send("{\"type\":\"resume\",\"token\":\"" + token + "\"}");
                JsonNode resumed = back.next("resumed");
                assertEquals("checkpoint", resumed.get("from").asText(), "the original tab's run is still there: " + resumed);
                assertEquals(20, resumed.get("epoch").asInt());
            }
        }
    }

    @Test
    void aPlayingRunLosesAtMostTheLastCheckpointPeriodWhenItsServerVanishes() throws Exception {
        try (PlaygroundServer a = start("a"); PlaygroundServer b = start("b")) {
            String token;
            int lastSeen;
            try (WsClient c = WsClient.connect(a.port())) {
                token = c.next("resumeToken").get("token").asText();
                load(c, "dataset=circle&networkShape=4,2&seed=0.7");
                c.send("{\"type\":\"play\"}");
                lastSeen = c.nextFrame(f -> f.epoch() >= 1, "training").epoch();
                // checkpoints are written while it plays (every second here), not only at its end
                long written = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (health(a).get("checkpoints").get("written").asLong() < 2 && System.nanoTime() < written) Thread.sleep(100);
                assertTrue(health(a).get("checkpoints").get("written").asLong() >= 2, "checkpoints while playing: " + health(a));
                long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(2500);
                while (System.nanoTime() < until) lastSeen = Math.max(lastSeen, c.nextFrame(f -> true, "frames").epoch());
                a.stopAbruptly(); // unwritten checkpoints are lost as with SIGKILL
            }
            try (WsClient c = WsClient.connect(b.port())) {
                c.send("{\"type\":\"resume\",\"token\":\"" + token + "\"}");
                JsonNode resumed = c.next("resumed");
                assertEquals("checkpoint", resumed.get("from").asText(), resumed.toString());
                int epoch = resumed.get("epoch").asInt();
                assertTrue(epoch > 0 && epoch <= lastSeen + 1, epoch + " vs " + lastSeen);
                // how many seconds that is (one checkpoint period on a quiet machine) depends on the
                // machine's load: the epochs are the measure
                assertTrue(resumed.get("lostSeconds").asInt() >= 0, resumed.toString());
                c.frameAt(epoch);
            }
        }
    }

    @Test
    void drainAnswersDrainingClosesWith1012AndTheRunContinuesElsewhereWithNothingLost() throws Exception {
        try (PlaygroundServer a = start("a"); PlaygroundServer b = start("b")) {
            assertEquals("a", health(a).get("replica").asText());
            String token;
            int lastSeen;
            WsClient c = WsClient.connect(a.port());
            token = c.next("resumeToken").get("token").asText();
            load(c, "dataset=spiral&networkShape=6,4&seed=0.2");
            c.send("{\"type\":\"play\"}");
            lastSeen = c.nextFrame(f -> f.epoch() >= 20, "training").epoch();

            a.failover().startDraining();
            HttpResponse<String> h = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + a.port() + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(503, h.statusCode());
            assertEquals("draining", JSON.readTree(h.body()).get("status").asText());
            CompletableFuture<?> refused = CompletableFuture.supplyAsync(() -> WsClient.connect(a.port()));
            assertTrue(refused.handle((ok, error) -> error != null).get(30, TimeUnit.SECONDS), "no new socket while draining");
            CompletableFuture<?> room = CompletableFuture.supplyAsync(() -> WsClient.connectTo(a.port(), "/ws/room"));
            assertTrue(room.handle((ok, error) -> error != null).get(30, TimeUnit.SECONDS), "no class-room socket either");

            a.drain();
            assertEquals(1012, c.closed.get(30, TimeUnit.SECONDS));
            assertTrue(c.closeReason.contains("restarting"), c.closeReason);
            while (true) {
                Frame f = c.frames.poll();
                if (f == null) break;
                lastSeen = Math.max(lastSeen, f.epoch());
            }

            try (WsClient d = WsClient.connect(b.port())) {
                d.send("{\"type\":\"resume\",\"token\":\"" + token + "\"}");
                JsonNode resumed = d.next("resumed");
                assertEquals("checkpoint", resumed.get("from").asText());
                assertTrue(resumed.get("epoch").asInt() >= lastSeen, "no epoch the page saw is lost: " + resumed + " vs " + lastSeen);
                d.frameAt(resumed.get("epoch").asInt());
                d.send("{\"type\":\"play\"}");
                d.nextFrame(f -> f.epoch() > resumed.get("epoch").asInt(), "training goes on");
            }
        }
    }

    @Test
    void aSingleServerOnTheEmbeddedDatabaseRestartedResumesItsPagesRuns() throws Exception {
        String token;
        int lastSeen;
        PlaygroundServer a = startOn(null, "single");
        try (WsClient c = WsClient.connect(a.port())) {
            token = c.next("resumeToken").get("token").asText();
            load(c, "dataset=xor&networkShape=5,3&seed=0.6");
            c.send("{\"type\":\"play\"}");
            lastSeen = c.nextFrame(f -> f.epoch() >= 30, "training").epoch();
            a.drain();
            assertEquals(1012, c.closed.get(30, TimeUnit.SECONDS));
            for (Frame f; (f = c.frames.poll()) != null; ) lastSeen = Math.max(lastSeen, f.epoch());
        }
        try (PlaygroundServer again = startOn(null, "single"); WsClient c = WsClient.connect(again.port())) {
            c.send("{\"type\":\"resume\",\"token\":\"" + token + "\"}");
            JsonNode resumed = c.next("resumed");
            assertEquals("checkpoint", resumed.get("from").asText());
            assertTrue(resumed.get("epoch").asInt() >= lastSeen, resumed + " vs " + lastSeen);
        }
    }

    @Test
    void aPageThatClosesItselfLeavesNoCheckpointAndAnUnknownTokenResumesNothing() throws Exception {
        try (PlaygroundServer a = startOn(null, "a")) {
            String token;
            try (WsClient c = WsClient.connect(a.port())) {
                token = c.next("resumeToken").get("token").asText();
                load(c, "dataset=xor&networkShape=3&seed=0.4");
                c.send("{\"type\":\"step\"}"); // a run that never trained is not checkpointed
                c.frameAt(1);
                awaitWritten(a, 1);
                assertTrue(a.checkpoints().load(org.nnplayground.playground.session.Checkpoints.pageKey(org.nnplayground.playground.room.Secrets.hash(token))).isPresent());
            }
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (a.checkpoints().load(org.nnplayground.playground.session.Checkpoints.pageKey(org.nnplayground.playground.room.Secrets.hash(token))).isPresent() && System.nanoTime() < until) Thread.sleep(50);
            assertFalse(a.checkpoints().load(org.nnplayground.playground.session.Checkpoints.pageKey(org.nnplayground.playground.room.Secrets.hash(token))).isPresent(), "closed with 1000: deleted");
            try (WsClient c = WsClient.connect(a.port())) {
                c.send("{\"type\":\"resume\",\"token\":\"" + token + "\"}");
                JsonNode none = c.next("resumed");
                assertEquals("none", none.get("from").asText());
                assertNull(none.get("epoch"));
                c.send("{\"type\":\"resume\"}");
                assertTrue(c.next("error").get("message").asText().contains("token"));
            }
        }
    }

    private static void awaitWritten(PlaygroundServer s, long writes) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while ((s.checkpoints().written() < writes || s.checkpoints().pending() > 0) && System.nanoTime() < until) Thread.sleep(20);
        assertTrue(s.checkpoints().written() >= writes, "checkpoints written: " + s.checkpoints().written());
    }

    private static void load(WsClient c, String link) throws Exception {
        c.send("{\"type\":\"load\",\"link\":" + JSON.writeValueAsString(link) + "}");
        c.next("session");
        c.frameAt(0);
    }

    private static String save(WsClient c) throws Exception {
        c.send("{\"type\":\"save\"}");
        return c.next("saved").get("id").asText();
    }

    private static JsonNode health(PlaygroundServer s) throws Exception {
        return JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + "/health")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    private static JsonNode get(PlaygroundServer s, String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }
}
