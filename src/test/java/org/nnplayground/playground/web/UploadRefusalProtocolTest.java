package org.nnplayground.playground.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A refused upload costs the server its headers only: a rate-limited (429) or too large (413)
 * upload is answered before a byte of its body arrives, and the connection is closed instead of
 * being kept alive by reading and discarding the body.
 */
class UploadRefusalProtocolTest {
    private static final int DECLARED = 1_500_000;
    private static PlaygroundServer server;

    @BeforeAll
    static void start() { server = PlaygroundServer.start(ServerConfig.defaults().withHost("127.0.0.1").withPort(0)); }

    @AfterAll
    static void stop() { server.stop(); }

    @Test
    void aRateLimitedUploadIsRefusedFromItsHeadersAndItsConnectionClosed() throws Exception {
        String status = "";
        for (int i = 0; i < 10 && !status.startsWith("HTTP/1.1 429"); i++) status = smallUpload();
        assertTrue(status.startsWith("HTTP/1.1 429"), "the limit is one upload a second, bursts of two: " + status);
        assertClosedAfterHeadersOnly(DECLARED, 429);
    }

    @Test
    void aTooLargeUploadIsRefusedTheSameWay() throws Exception {
        assertClosedAfterHeadersOnly(50_000_000, 413);
    }

    /** Sends the headers of an upload of {@code declared} bytes and no body: the answer, then the end of the stream. */
    private static void assertClosedAfterHeadersOnly(int declared, int expected) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(20_000);
            s.getOutputStream().write(("POST /api/csv?name=big.csv HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/csv\r\nContent-Length: "
                    + declared + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            String head = head(in);
            assertEquals(expected, Integer.parseInt(head.substring(9, 12)), head);
            assertTrue(head.toLowerCase().contains("connection: close"), head);
            in.readNBytes(contentLength(head));
            assertEquals(-1, in.read(), "the server closed the connection without waiting for the body");
        }
    }

    private static String smallUpload() throws IOException {
        byte[] body = CsvUploadProtocolTest.SMALL.getBytes(StandardCharsets.UTF_8);
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(20_000);
            s.getOutputStream().write(("POST /api/csv?name=a.csv HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/csv\r\nConnection: close\r\nContent-Length: "
                    + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().write(body);
            return head(s.getInputStream());
        }
    }

    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        while (!b.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) break;
            b.write(c);
        }
        return b.toString(StandardCharsets.US_ASCII);
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) return Integer.parseInt(line.substring(15).trim());
        }
        return 0;
    }
}
