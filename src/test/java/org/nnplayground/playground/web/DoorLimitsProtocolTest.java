package org.nnplayground.playground.web;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every door has a per-address and a global bound: idle HTTP keep-alive connections, /ws and
 * /ws/room sockets count together against --max-connections-per-address (one address cannot hold
 * the process's files) and --max-connections (Jetty stops accepting until one closes); a room
 * socket that takes no role is closed after a few seconds.
 */
class DoorLimitsProtocolTest {

    @Test
    void oneAddressHoldsAtMostItsShareOfConnectionsThroughEveryDoor() throws Exception {
        Path data = Files.createTempDirectory("doors");
        PlaygroundServer server = PlaygroundServer.start(RoomServers.config(data).toBuilder().maxConnectionsPerAddress(6).build());
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) held.add(keptAlive(server.port(), "127.0.0.1"));
            for (int i = 0; i < 2; i++) held.add(upgraded(server.port(), "127.0.0.1", "/ws"));
            for (int i = 0; i < 2; i++) held.add(upgraded(server.port(), "127.0.0.1", "/ws/room"));
            assertFalse(servedOrUpgraded(server.port(), "127.0.0.1", "/health/live"), "a seventh HTTP connection is closed");
            assertFalse(servedOrUpgraded(server.port(), "127.0.0.1", "/ws/room"), "and so is a seventh socket");
            assertTrue(servedOrUpgraded(server.port(), "127.0.0.2", "/health/live"), "another address is served");
            held.remove(0).close();
            assertTrue(eventually(() -> servedOrUpgraded(server.port(), "127.0.0.1", "/health/live")), "a closed connection gives its place back");
        } finally {
            for (Socket s : held) s.close();
            RoomServers.stop(server, data);
        }
    }

    @Test
    void beyondTheGlobalBoundNoConnectionIsTakenUntilOneCloses() throws Exception {
        Path data = Files.createTempDirectory("doors");
        PlaygroundServer server = PlaygroundServer.start(RoomServers.config(data).toBuilder().maxConnections(20).build());
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) held.add(keptAlive(server.port(), i % 2 == 0 ? "127.0.0.1" : "127.0.0.3"));
            Socket waiting = new Socket();
            waiting.bind(new InetSocketAddress("127.0.0.4", 0));
            waiting.connect(new InetSocketAddress("127.0.0.1", server.port()));
            waiting.getOutputStream().write(request("/health/live"));
            waiting.setSoTimeout(1500);
            assertThrowsTimeout(waiting.getInputStream());
            held.remove(0).close();
            waiting.setSoTimeout(30_000);
            assertTrue(readResponse(waiting.getInputStream()).startsWith("HTTP/1.1 200"), "served once a place is free");
            waiting.close();
        } finally {
            for (Socket s : held) s.close();
            RoomServers.stop(server, data);
        }
    }

    @Test
    void aRoomSocketWithoutARoleIsClosedAfterAFewSeconds() throws Exception {
        Path data = Files.createTempDirectory("doors");
        PlaygroundServer server = PlaygroundServer.start(RoomServers.config(data));
        try (Socket idle = upgraded(server.port(), "127.0.0.1", "/ws/room")) {
            idle.setSoTimeout(60_000);
            InputStream in = idle.getInputStream();
            int opcode;
            do {
                opcode = frame(in);
            } while (opcode != 0x8 && opcode != -1);
            assertEquals(0x8, opcode, "closed by the server with a close frame");
        } finally {
            RoomServers.stop(server, data);
        }
    }

    private interface Check { boolean ok() throws Exception; }

    private static boolean eventually(Check check) throws Exception {
        for (int i = 0; i < 50; i++) {
            if (check.ok()) return true;
            Thread.sleep(100);
        }
        return false;
    }

    private static void assertThrowsTimeout(InputStream in) throws IOException {
        try {
            int b = in.read();
            throw new AssertionError("answered beyond the global bound (read " + b + ")");
        } catch (SocketTimeoutException expected) {
            // nothing accepted it: it waits in the backlog
        }
    }

    private static Socket open(int port, String from) throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(from, 0));
        s.connect(new InetSocketAddress("127.0.0.1", port));
        s.setSoTimeout(30_000);
        return s;
    }

    /** An HTTP/1.1 connection that has been answered once and stays open. */
    private static Socket keptAlive(int port, String from) throws IOException {
        Socket s = open(port, from);
        s.getOutputStream().write(request("/health/live"));
        assertTrue(readResponse(s.getInputStream()).startsWith("HTTP/1.1 200"));
        return s;
    }

    /** A WebSocket upgraded on {@code path}. */
    private static Socket upgraded(int port, String from, String path) throws IOException {
        Socket s = open(port, from);
        s.getOutputStream().write(upgrade(path));
        String head = readResponse(s.getInputStream());
        assertTrue(head.startsWith("HTTP/1.1 101"), head);
        return s;
    }

    /** Opens a new connection from {@code from}: true when it was served (200) or upgraded (101). */
    private static boolean servedOrUpgraded(int port, String from, String path) throws IOException {
        try (Socket s = open(port, from)) {
            s.getOutputStream().write(path.startsWith("/ws") ? upgrade(path) : request(path));
            String head = readResponse(s.getInputStream());
            return head.startsWith("HTTP/1.1 200") || head.startsWith("HTTP/1.1 101");
        } catch (IOException reset) {
            return false;
        }
    }

    private static byte[] request(String path) {
        return ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] upgrade(String path) {
        return ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** The status line and headers, and the body when it has a Content-Length; "" when the server closed first. */
    private static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) return head.toString(StandardCharsets.US_ASCII);
            head.write(b);
        }
        String text = head.toString(StandardCharsets.US_ASCII);
        for (String line : text.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) in.readNBytes(Integer.parseInt(line.substring(15).trim()));
        }
        return text;
    }

    /** Reads one server frame (never masked); its opcode, or -1 at the end of the stream. */
    private static int frame(InputStream in) throws IOException {
        int first = in.read();
        if (first < 0) return -1;
        int len = in.read() & 0x7F;
        if (len == 126) len = (in.read() << 8) | in.read();
        else if (len == 127) throw new IOException("no frame here is that long");
        in.readNBytes(len);
        return first & 0x0F;
    }
}
