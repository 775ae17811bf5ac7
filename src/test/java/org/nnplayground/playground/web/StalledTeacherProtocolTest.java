package org.nnplayground.playground.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A teacher's socket that stops reading is reaped like a student's (stall timeout 2 s here): its
 * dashboard updates or the watched run's frames wait unread, the socket is closed (1008) and its
 * dashboard freed, while the class trains on.
 */
class StalledTeacherProtocolTest {
    private static Path data;
    private static PlaygroundServer server;
    /**
     * The stall timeout: short, so a test waits little, but long enough that the students, which
     * take every frame, are not reaped while a loaded machine keeps this JVM from reading for a while.
     */
    private static final Duration STALL = Duration.ofSeconds(6);

    @BeforeAll
    static void start() throws Exception {
        data = Files.createTempDirectory("stalled-teacher-");
        server = PlaygroundServer.start(RoomServers.config(data).withStallTimeout(STALL));
    }

    @AfterAll
    static void stop() throws Exception { RoomServers.stop(server, data); }

    private static JsonNode post(String path, Object body) throws Exception { return RoomServers.created(server, path, body); }

    /** A new room on C1: its code and teacher key. */
    private static String[] room() throws Exception { return RoomServers.room(server, HardeningProtocolTest.C1); }

    private static WsClient student(String code, String name) throws Exception {
        String token = post("/api/rooms/" + code + "/students", Map.of("name", name)).get("token").asText();
        WsClient c = RoomClient.withRole(server, "{\"type\":\"resume\",\"token\":\"" + token + "\"}");
        c.nextKeepingOthers("joined");
        c.frameAt(0);
        return c;
    }

    private static WsClient teacher(String[] room) throws Exception { return RoomClient.teacher(server, room[0], room[1]); }

    @Test
    void aTeacherWatchingARunWhoStopsTakingFramesIsClosed() throws Exception {
        String[] room = room();
        try (WsClient s = student(room[0], "Watched"); WsClient t = teacher(room)) {
            JsonNode roster = t.next(m -> m.path("type").asText().equals("roster") && m.get("cards").size() > 0, "a card");
            String id = roster.get("cards").get(0).get("id").asText();
            t.acks = false;
            t.send("{\"type\":\"watch\",\"studentId\":\"" + id + "\"}");
            t.next("watching");
            s.send("{\"type\":\"play\"}");
            assertEquals(1008, t.closed.get(30, TimeUnit.SECONDS), "the watching teacher is closed as stalled");
            assertEquals("no frame taken for " + STALL.toSeconds() + " s", t.closeReason);
            int from = s.nextFrame(f -> true, "a frame").epoch();
            s.nextFrame(f -> f.epoch() > from, "the student trains on");
            assertFalse(s.closed.isDone(), "the student stays");
        }
    }

    @Test
    void aTeacherWhoseDashboardStopsReadingIsClosedAndItsDashboardFreed() throws Exception {
        String[] room = room();
        List<WsClient> students = new ArrayList<>();
        try (Socket stalled = new Socket()) {
            for (int i = 0; i < 4; i++) students.add(student(room[0], "Student " + i));
            for (WsClient s : students) s.send("{\"type\":\"play\"}");
            // a small send buffer on the server's side of the sockets accepted from now on, so that what a
            // reader leaves unread fills it in seconds, not minutes (the kernel would grow it to megabytes)
            for (var connector : server.jetty().getConnectors()) {
                if (connector instanceof org.eclipse.jetty.server.ServerConnector sc) sc.setAcceptedSendBufferSize(8192);
            }
            // a dashboard page that sends 'teach' and then never reads a byte (a small window fills fast)
            stalled.setReceiveBufferSize(2048);
            stalled.connect(new InetSocketAddress("127.0.0.1", server.port()));
            stalled.setSoTimeout(3000);
            OutputStream out = stalled.getOutputStream();
            out.write(("GET /ws/room HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = stalled.getInputStream();
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) head.append((char) in.read());
            assertTrue(head.toString().startsWith("HTTP/1.1 101"), head.toString());
            out.write(maskedText("{\"type\":\"teach\",\"code\":\"" + room[0] + "\",\"key\":\"" + room[1] + "\"}"));
            out.flush();
            // not a byte read for 12 s: the updates pile up unread, and the server gives up on the socket
            Thread.sleep(12_000);
            // what it sent before then is read now; then the connection ends (end of stream or a reset)
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60); // a limit: a loaded server may give up later
            boolean ended = false;
            long total = 0;
            byte[] sink = new byte[65536];
            while (!ended && System.nanoTime() < deadline) {
                try {
                    int n = in.read(sink);
                    ended = n < 0;
                    total += Math.max(0, n);
                } catch (java.net.SocketTimeoutException stillOpen) {
                    // nothing more yet: wait on for the end until the limit
                } catch (java.io.IOException reset) {
                    ended = true;
                }
            }
            assertTrue(ended, "the stalled dashboard's socket is still open");
            // the class goes on and a healthy dashboard still gets its updates
            try (WsClient t = teacher(room)) {
                t.next(m -> m.path("type").asText().equals("roster") && m.get("cards").size() == 4, "the roster");
                t.next("roster");
                assertFalse(t.closed.isDone());
            }
            for (WsClient s : students) assertFalse(s.closed.isDone(), "students stay");
        } finally {
            for (var connector : server.jetty().getConnectors()) {
                if (connector instanceof org.eclipse.jetty.server.ServerConnector sc) sc.setAcceptedSendBufferSize(-1);
            }
            students.forEach(WsClient::close);
        }
    }

    /** One client-to-server text frame (clients mask their frames). */
    private static byte[] maskedText(String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        assertTrue(payload.length < 126);
        byte[] frame = new byte[2 + 4 + payload.length];
        frame[0] = (byte) 0x81;
        frame[1] = (byte) (0x80 | payload.length);
        byte[] mask = {1, 2, 3, 4};
        System.arraycopy(mask, 0, frame, 2, 4);
        for (int i = 0; i < payload.length; i++) frame[6 + i] = (byte) (payload[i] ^ mask[i % 4]);
        return frame;
    }
}
