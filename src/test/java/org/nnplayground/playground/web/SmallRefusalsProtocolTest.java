package org.nnplayground.playground.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three small holes: binary messages outside the message rate, an epoch count that wrapped
 * around 2^32, and Jetty's own error pages without the security headers.
 */
class SmallRefusalsProtocolTest {
    private static Path data;
    private static PlaygroundServer server;

    @BeforeAll
    static void start() throws Exception {
        data = Files.createTempDirectory("small-refusals");
        server = PlaygroundServer.start(RoomServers.config(data).toBuilder().messagesPerSecond(5).build());
    }

    @AfterAll
    static void stop() throws Exception { RoomServers.stop(server, data); }

    @Test
    void binaryMessagesCountAgainstTheMessageRate() throws Exception {
        for (String path : new String[] {"/ws", "/ws/room"}) {
            try (WsClient c = WsClient.connectTo(server.port(), path)) {
                long start = System.nanoTime();
                for (int i = 0; i < 60; i++) c.sendBinary(new byte[] {1, 2, 3});
                // only binary messages were sent: a refusal for the rate says they count against it
                JsonNode refused = c.next(m -> m.path("message").asText().startsWith("too many messages"), "rate limit error");
                int answered = 0;
                for (JsonNode m; (m = c.texts.poll(500, TimeUnit.MILLISECONDS)) != null; ) {
                    if (m.path("message").asText().startsWith("binary messages")) answered++;
                }
                // the server read every message between start and now: at most the burst (10) and
                // 5 a second since were answered; a slow machine only lengthens the time, so the bound
                double seconds = (System.nanoTime() - start) / 1e9;
                assertTrue(answered <= 10 + 5 * seconds + 1, path + ": " + answered + " answered in " + seconds + " s at 5 a second, bursts of 10; " + refused);
            }
        }
    }

    @Test
    void anEpochCountBeyondIntIsRefusedNotWrapped() throws Exception {
        var r = RoomServers.post(server, "/api/runs", Map.of("link", "dataset=xor&networkShape=2&seed=0.1", "epochs", 4294967299L));
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("epochs must be a whole number from 0 to 1000"), r.body());
        r = RoomServers.post(server, "/api/runs", Map.of("link", "dataset=xor&networkShape=2&seed=0.1", "epochs", 2.5));
        assertEquals(400, r.statusCode(), r.body());
        r = RoomServers.post(server, "/api/runs", Map.of("link", "dataset=xor&networkShape=2&seed=0.1", "epochs", 3));
        assertEquals(201, r.statusCode(), r.body());
        assertEquals(3, RoomServers.JSON.readTree(r.body()).get("epoch").asInt());
    }

    @Test
    void jettysOwnErrorPagesCarryTheSecurityHeaders() throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(20_000);
            s.getOutputStream().write("GET /\u0001bad HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = s.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
            String head = answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase();
            assertTrue(head.contains("content-security-policy: default-src 'self'"), head);
            assertTrue(head.contains("x-content-type-options: nosniff"), head);
            assertTrue(head.contains("referrer-policy: no-referrer"), head);
        }
    }
}
