package org.nnplayground.playground.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The class-room socket ({@code /ws/room}) follows the same hardening rules as {@code /ws}
 * (HardeningProtocolTest): stalled students reaped, pings, foreign origins refused, odd messages
 * answered in the protocol's words, rate and size limits, no HTTP session per connect.
 */
class RoomHardeningProtocolTest {
    private static final String C1 = HardeningProtocolTest.C1;
    private static Path data;
    private static PlaygroundServer server;

    @BeforeAll
    static void start() throws Exception {
        data = Files.createTempDirectory("room-hardening-");
        server = PlaygroundServer.start(RoomServers.config(data).withStallTimeout(HardeningProtocolTest.STALL));
    }

    @AfterAll
    static void stop() throws Exception { RoomServers.stop(server, data); }

    private static JsonNode post(String path, Object body) throws Exception { return RoomServers.created(server, path, body); }

    /** A new room on C1: its code and teacher key. */
    private static String[] room() throws Exception { return RoomServers.room(server, C1); }

    /** Joins {@code code} as {@code name}: the resume token. */
    private static String join(String code, String name) throws Exception {
        return post("/api/rooms/" + code + "/students", Map.of("name", name)).get("token").asText();
    }

    private static WsClient resume(String token) throws Exception {
        WsClient c = RoomClient.withRole(server, "{\"type\":\"resume\",\"token\":\"" + token + "\"}");
        c.nextKeepingOthers("joined");
        c.frameAt(0);
        return c;
    }

    private static WsClient teacher(String[] room) throws Exception { return RoomClient.teacher(server, room[0], room[1]); }

    private static void waitForState(WsClient teacher, String state) throws InterruptedException {
        teacher.next(m -> {
            if (!m.path("type").asText().equals("roster")) return false;
            for (JsonNode c : m.get("cards")) if (c.get("state").asText().equals(state)) return true;
            return false;
        }, "a card " + state);
    }

    @Test
    void aStudentWhoStopsTakingFramesIsReapedAndResumesWhereTheRunStopped() throws Exception {
        String[] room = room();
        String healthyToken = join(room[0], "Healthy");
        String stalledToken = join(room[0], "Stalled");
        try (WsClient t = teacher(room); WsClient healthy = resume(healthyToken); WsClient stalled = resume(stalledToken)) {
            healthy.send("{\"type\":\"play\"}");
            stalled.acks = false;
            stalled.send("{\"type\":\"play\"}");
            Thread.sleep(1000);
            assertTrue(stalled.frames.size() <= Connection.MAX_FRAMES_UNACKED, stalled.frames.size() + " frames to a student who does not acknowledge");
            assertEquals(1008, stalled.closed.get(30, TimeUnit.SECONDS), "closed as stalled");
            assertEquals("no frame taken for " + HardeningProtocolTest.STALL.toSeconds() + " s", stalled.closeReason);
            int lastEpoch = stalled.frames.stream().mapToInt(Frame::epoch).max().orElse(0);
            // freed as after any dropped socket: the session pauses and waits on the dashboard as away
            waitForState(t, "away");
            assertFalse(healthy.closed.isDone(), "the healthy student stays");
            assertFalse(t.closed.isDone(), "the teacher stays");
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(WsClient.WAIT_SECONDS);
            while (healthy.frames.size() <= 30 && System.nanoTime() < until) Thread.sleep(20);
            assertTrue(healthy.frames.size() > 30, healthy.frames.size() + " frames to the healthy student");
            try (WsClient back = WsClient.connectTo(server.port(), "/ws/room")) {
                back.send("{\"type\":\"resume\",\"token\":\"" + stalledToken + "\"}");
                back.nextKeepingOthers("joined");
                Frame resumed = back.nextFrame(f -> true, "the run where it stopped");
                // the same session, nothing trained while away; it was playing when the socket went, so it plays on
                // from there (the play queued behind the page's refresh may train one epoch before that frame is built)
                assertTrue(resumed.epoch() == lastEpoch || resumed.epoch() == lastEpoch + 1, resumed.epoch() + " after " + lastEpoch);
                back.next(m -> m.path("type").asText().equals("status") && m.get("state").asText().equals("playing"), "playing again");
                assertTrue(back.nextFrame(f -> f.epoch() > lastEpoch, "training on").epoch() > lastEpoch);
            }
        }
    }

    @Test
    void roomSocketsGetPings() throws Exception {
        // a socket with a role: one without is closed after a few seconds (RoleDeadline)
        try (WsClient idle = teacher(room())) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SocketEndpoint.PING_SECONDS + 30);
            while (idle.pings.get() == 0 && System.nanoTime() < deadline) Thread.sleep(200);
            assertTrue(idle.pings.get() > 0, "no ping within " + (SocketEndpoint.PING_SECONDS + 30) + " s");
            assertFalse(idle.closed.isDone());
        }
    }

    @Test
    void foreignOriginsAreRefusedOnTheRoomSocket() throws Exception {
        try (WsClient same = WsClient.connectTo(server.port(), "/ws/room", "http://127.0.0.1:" + server.port())) {
            same.send("{\"type\":\"resume\",\"token\":\"nope\"}");
            assertTrue(same.next("error").get("message").asText().contains("join again"));
        }
        CompletionException refused = assertThrows(CompletionException.class,
                () -> WsClient.connectTo(server.port(), "/ws/room", "https://evil.example"));
        assertEquals(403, ((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode());
    }

    @Test
    void oddMessagesGetAnErrorInProtocolWordsAndTheStudentStays() throws Exception {
        String[] room = room();
        try (WsClient c = resume(join(room[0], "Odd"))) {
            String[] odd = {"null", "[]", "[1,2]", "42", "\"play\"", "true", "{}", "{\"type\":5}", "{\"type\":null}",
                "{\"type\":\"nope\"}", "{\"type\":\"resume\",\"token\":[1]}", "{\"type\":\"teach\",\"code\":{}}",
                "{\"type\":\"step\",\"epochs\":\"many\"}", "{\"type\":\"set\",\"key\":{},\"value\":\"1\"}",
                "{\"type\":\"play\"} trailing", "", "{\"type\":\"set\",\"key\":\"batchSize\",\"value\":\"" + "9".repeat(20_000) + "\"}"};
            for (String message : odd) {
                c.send(message);
                String error = c.next(m -> m.path("type").asText().equals("error"), "error for " + message).get("message").asText();
                assertTrue(error.length() > 5, message + " -> " + error);
                for (String internal : new String[] {"java.", "`", "Exception", "LinkedHashMap", "Integer", "String[]", "deserialize", "null"}) {
                    assertFalse(error.contains(internal), message + " -> " + error);
                }
            }
            c.send("{\"type\":\"step\"}");
            assertEquals(1, c.frameAt(1).epoch());
            assertFalse(c.closed.isDone(), "the socket stays open");
        }
    }

    @Test
    void aFloodIsRefusedAtTheSameRateAsOnTheSocketOfThePlayground() throws Exception {
        try (WsClient c = WsClient.connectTo(server.port(), "/ws/room")) {
            // sent faster than the rate until refused: a loaded machine sends slower, and the bucket
            // refills meanwhile, so a fixed count (3 seconds' worth) may all pass; a limit of 50 seconds' worth
            int rate = ServerConfig.defaults().messagesPerSecond();
            boolean refused = false;
            for (int i = 0; i < 50 * rate && !refused; i++) {
                c.send("{\"type\":\"leaveRoom\"}");
                refused = c.texts.stream().anyMatch(m -> m.path("message").asText().startsWith("too many messages"));
            }
            c.nextKeepingOthers(m -> m.path("type").asText().equals("error") && m.get("message").asText().startsWith("too many messages"), "rate error");
            assertFalse(c.closed.isDone());
        }
    }

    @Test
    void connectingCreatesNoHttpSession() throws Exception {
        long before = server.httpSessions();
        for (int i = 0; i < 30; i++) WsClient.connectTo(server.port(), "/ws/room").close();
        assertEquals(before, server.httpSessions(), "HTTP sessions after 30 room connects");
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            OutputStream out = s.getOutputStream();
            out.write(("GET /ws/room HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            s.setSoTimeout(5000);
            InputStream in = s.getInputStream();
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) head.append((char) in.read());
            assertTrue(head.toString().startsWith("HTTP/1.1 101"), head.toString());
            assertFalse(head.toString().toLowerCase().contains("set-cookie"), head.toString());
        }
    }
}
