package org.nnplayground.playground.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A page of another site cannot change anything: a text/plain form or no-cors fetch to any
 * state-changing route is refused (403) before the route runs, also when a DNS name the attacker
 * controls points at this server (Origin and Host then agree); the page's own origin, a configured
 * public URL and tools that send no Origin keep working.
 */
class CrossSiteWriteProtocolTest {
    private static final String FORM = "{\"exercise\":\"dataset=xor\",\"name\":\"mallory\",\"link\":\"dataset=xor\"}";
    private static Path data;
    private static PlaygroundServer server;
    private static String[] room;

    @BeforeAll
    static void start() throws Exception {
        data = Files.createTempDirectory("cross-site");
        server = PlaygroundServer.start(RoomServers.config(data));
        room = RoomServers.room(server, "dataset=xor");
    }

    @AfterAll
    static void stop() throws Exception { RoomServers.stop(server, data); }

    private static List<String> writes() {
        return List.of("/api/rooms", "/api/rooms/" + room[0] + "/students", "/api/runs", "/api/csv?name=a.csv", "/api/rooms/" + room[0] + "/actions");
    }

    @Test
    void aFormFromAnotherSiteChangesNothingOnAnyRoute() throws Exception {
        for (String path : writes()) {
            String answer = post(server.port(), path, "127.0.0.1:" + server.port(), "Origin: https://evil.example\r\nContent-Type: text/plain\r\n");
            assertEquals(403, status(answer), path + ": " + answer);
            answer = post(server.port(), path, "127.0.0.1:" + server.port(), "Sec-Fetch-Site: cross-site\r\nContent-Type: text/plain\r\n");
            assertEquals(403, status(answer), path + " without Origin but with Sec-Fetch-Site: " + answer);
            answer = post(server.port(), path, "127.0.0.1:" + server.port(), "Content-Type: application/x-www-form-urlencoded\r\n");
            assertEquals(403, status(answer), path + " as a form from a browser that sends neither: " + answer);
        }
        assertTrue(post(server.port(), "/api/rooms", "127.0.0.1:" + server.port(), "Origin: null\r\nContent-Type: application/json\r\n")
                .startsWith("HTTP/1.1 403"), "a sandboxed or file: page");
    }

    @Test
    void aRebindingNameIsNotThePagesOwnOrigin() throws Exception {
        String host = "rebind.example:" + server.port();
        String answer = post(server.port(), "/api/rooms", host, "Origin: http://" + host + "\r\nContent-Type: application/json\r\n");
        assertEquals(403, status(answer), "Origin equals Host, but the name could point anywhere: " + answer);
        assertFalse(new OriginPolicy(List.of()).allows("http://" + host, host));
        assertTrue(new OriginPolicy(List.of(), "http://" + host).allows("http://" + host, host), "unless it is the configured public URL");
        assertTrue(new OriginPolicy(List.of(), "https://play.example/").allows("https://play.example", "anything"));
        assertTrue(new OriginPolicy(List.of()).allows("http://localhost:8080", "localhost:8080"));
        assertTrue(new OriginPolicy(List.of()).allows("http://[::1]:8080", "[::1]:8080"));
        assertFalse(new OriginPolicy(List.of()).allows("http://10.0.0.2:8080", "10.0.0.3:8080"));
    }

    @Test
    void thePagesOwnOriginAConfiguredNameAndToolsStillWrite() throws Exception {
        String self = "127.0.0.1:" + server.port();
        assertEquals(201, status(post(server.port(), "/api/rooms", self, "Origin: http://" + self + "\r\nContent-Type: application/json\r\nSec-Fetch-Site: same-origin\r\n")));
        assertEquals(201, status(post(server.port(), "/api/rooms/" + room[0] + "/students", self, "Content-Type: application/json\r\n")), "a script without Origin");
        assertEquals(201, status(post(server.port(), "/api/rooms/" + room[0] + "/students", self, "")), "a script without a body type");
        Path other = Files.createTempDirectory("cross-site-public");
        PlaygroundServer named = PlaygroundServer.start(RoomServers.config(other).toBuilder().publicUrl("https://play.example").build());
        try {
            String answer = post(named.port(), "/api/rooms", "play.example", "Origin: https://play.example\r\nContent-Type: application/json\r\n");
            assertEquals(201, status(answer), answer);
            answer = post(named.port(), "/api/rooms", "evil.example", "Origin: https://evil.example\r\nContent-Type: application/json\r\n");
            assertEquals(403, status(answer), answer);
        } finally {
            RoomServers.stop(named, other);
        }
    }

    private static int status(String response) { return Integer.parseInt(response.substring(9, 12)); }

    /** One POST of {@link #FORM} with the given Host and extra header lines, over a plain socket (HttpClient will not set Host). */
    static String post(int port, String path, String host, String headers) throws Exception {
        byte[] body = FORM.getBytes(StandardCharsets.UTF_8);
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\n" + headers + "Content-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
