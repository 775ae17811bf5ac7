package org.nnplayground.playground.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.nnplayground.playground.session.BackgroundWork;
import org.nnplayground.playground.session.Session;
import org.nnplayground.playground.session.SessionDescription;
import org.nnplayground.playground.session.SessionListener;
import org.nnplayground.playground.session.SessionScheduler;
import org.nnplayground.playground.session.SessionState;
import org.nnplayground.playground.session.TrainingRun;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /health says "stuck" (503) when every trainer thread is held by one turn; /ws sockets get pings. */
class HealthAndPingProtocolTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void healthSaysStuckWhenEveryTrainerThreadIsHeldAndOkAgainAfter() throws Exception {
        try (PlaygroundServer server = PlaygroundServer.start(ServerConfig.defaults().toBuilder().host("127.0.0.1").port(0).workers(2).build())) {
            assertEquals("ok", health(server).get("status").asText());
            long turnMillis = SessionScheduler.STUCK_NANOS / 1_000_000 + 1500;
            // two genuinely long turns (background work that does not yield), one per trainer thread
            Session a = server.registry().open("10.0.0.1", new Quiet());
            Session b = server.registry().open("10.0.0.2", new Quiet());
            a.runInBackground(new LongTurn(turnMillis));
            b.runInBackground(new LongTurn(turnMillis));
            JsonNode stuck = awaitHealth(server, "stuck", 503, turnMillis);
            assertTrue(stuck.get("worstTurnMs").asDouble() >= 0, stuck.toString());
            JsonNode ok = awaitHealth(server, "ok", 200, turnMillis + 5000);
            assertTrue(ok.get("worstTurnMs").asDouble() >= SessionScheduler.STUCK_NANOS / 1e6, "the long turns are the worst of the minute: " + ok);
        }
    }

    @Test
    void playgroundSocketsGetPingsAndStayOpen() throws Exception {
        try (PlaygroundServer server = PlaygroundServer.start(ServerConfig.defaults().withHost("127.0.0.1").withPort(0));
             WsClient idle = WsClient.connect(server.port())) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SocketEndpoint.PING_SECONDS + 30);
            while (idle.pings.get() == 0 && System.nanoTime() < deadline) Thread.sleep(200);
            assertTrue(idle.pings.get() > 0, "no ping within " + (SocketEndpoint.PING_SECONDS + 30) + " s");
            assertFalse(idle.closed.isDone());
            idle.send("{\"type\":\"load\",\"link\":\"" + HardeningProtocolTest.C1 + "\"}");
            idle.frameAt(0); // the pinged socket still serves
        }
    }

    /** Polls /health until it says {@code status} with {@code code}, for at most {@code millis}. */
    private static JsonNode awaitHealth(PlaygroundServer server, String status, int code, long millis) throws Exception {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = get(server);
            last = JSON.readTree(r.body());
            if (last.get("status").asText().equals(status)) {
                assertEquals(code, r.statusCode(), r.body());
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("/health never said " + status + "; last: " + last);
    }

    private static JsonNode health(PlaygroundServer server) throws Exception { return JSON.readTree(get(server).body()); }

    private static HttpResponse<String> get(PlaygroundServer server) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Holds its trainer thread for {@code millis} in one slice, as a turn that never yields would. */
    private record LongTurn(long millis) implements BackgroundWork {
        public void begin(TrainingRun current) {}

        public boolean runSlice(long deadlineNanos, SessionListener listener) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
    }

    private static final class Quiet implements SessionListener {
        public void description(SessionDescription d) {}
        public void frame(ByteBuffer f) {}
        public void status(SessionState s, String m) {}
        public void link(String h) {}
        public void error(String m, String r) {}
        public boolean canSendFrame() { return true; }
    }
}
