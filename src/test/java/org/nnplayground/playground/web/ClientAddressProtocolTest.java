package org.nnplayground.playground.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nnplayground.playground.room.RoomLimits;
import org.nnplayground.playground.store.StoreSettings;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Behind a proxy (--trusted-proxies 127.0.0.1: the test plays nginx on loopback) the per-address
 * limits count X-Forwarded-For's client, on the sockets and on HTTP; without it the header is
 * ignored, so nobody escapes a limit by writing one. And /health/live answers while /health is 503.
 */
class ClientAddressProtocolTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Path data;
    private static PlaygroundServer proxied;
    private static PlaygroundServer direct;
    private final List<WebSocket> opened = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        data = Files.createTempDirectory("client-address-");
        ServerConfig oneEach = ServerConfig.defaults().withHost("127.0.0.1").withPort(0).withLimits(3, 1, 50)
                .withStore(new StoreSettings(data, null, 90, 1000, StoreSettings.DEFAULT_MAX_RUN_BYTES))
                .withRooms(new RoomLimits(10, 10, Duration.ofSeconds(60), 30, 1));
        proxied = PlaygroundServer.start(oneEach.toBuilder().trustedProxies(List.of("127.0.0.1")).build());
        direct = PlaygroundServer.start(oneEach);
    }

    @AfterAll
    static void stop() throws Exception {
        proxied.stop();
        direct.stop();
        try (var files = Files.walk(data)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /**
     * Opens /ws as forwarded for {@code client}: the close code when the server refuses it, or 0 once
     * the server answers the empty request sent on it (only an open session answers).
     */
    private int socketFor(PlaygroundServer server, String client) throws Exception {
        CompletableFuture<Integer> answer = new CompletableFuture<>();
        WebSocket ws = HTTP.newWebSocketBuilder().header("X-Forwarded-For", client)
                .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/ws"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                        // a refusal says why before its close; any other answer comes from an open session
                        String text = data.toString();
                        if (!text.contains("too many sessions") && !text.contains("the server is full")) answer.complete(0);
                        w.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket w, int status, String reason) {
                        answer.complete(status);
                        return null;
                    }
                }).get(30, TimeUnit.SECONDS);
        opened.add(ws);
        try {
            ws.sendText("{}", true).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException closedMeanwhile) {
            // refused: the close code is on its way
        }
        return answer.get(30, TimeUnit.SECONDS);
    }

    private static int createRoom(PlaygroundServer server, String client) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/rooms"))
                .header("X-Forwarded-For", client).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void behindATrustedProxyEachForwardedClientHasItsOwnSessionLimit() throws Exception {
        try {
            assertEquals(0, socketFor(proxied, "203.0.113.1"));
            assertEquals(0, socketFor(proxied, "203.0.113.2"), "another student behind the same proxy");
            assertEquals(1013, socketFor(proxied, "203.0.113.1"), "the first student's second tab is over the per-address limit");
            // writing someone else's address to the left does not help: nginx appends the real one
            assertEquals(1013, socketFor(proxied, "198.51.100.9, 203.0.113.2"));
        } finally {
            closeAll();
        }
    }

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() throws Exception {
        try {
            assertEquals(0, socketFor(direct, "203.0.113.1"));
            assertEquals(1013, socketFor(direct, "203.0.113.2"), "a forged header must not buy a second session");
        } finally {
            closeAll();
        }
    }

    @Test
    void httpLimitsCountTheForwardedClient() throws Exception {
        assertEquals(201, createRoom(proxied, "203.0.113.50"));
        assertEquals(429, createRoom(proxied, "203.0.113.50"), "--rooms-per-hour 1 for that client");
        assertEquals(201, createRoom(proxied, "203.0.113.51"), "another client behind the proxy is not blocked");
        assertEquals(201, createRoom(direct, "203.0.113.60"));
        assertEquals(429, createRoom(direct, "203.0.113.61"), "direct: the header is ignored, loopback made both");
    }

    @Test
    void livenessAnswersWhileReadinessSaysFull() throws Exception {
        try {
            // three forwarded clients fill the proxied server (--max-sessions 3)
            for (String c : List.of("192.0.2.1", "192.0.2.2", "192.0.2.3")) assertEquals(0, socketFor(proxied, c));
            HttpResponse<String> ready = get(proxied, "/health");
            assertEquals(503, ready.statusCode(), ready.body());
            HttpResponse<String> live = get(proxied, "/health/live");
            assertEquals(200, live.statusCode());
            assertEquals("{\"status\":\"live\"}", live.body());
        } finally {
            closeAll();
        }
    }

    private static HttpResponse<String> get(PlaygroundServer server, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void closeAll() throws Exception {
        for (WebSocket ws : opened) ws.abort();
        opened.clear();
        // the server frees the sessions on the close events
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while ((proxied.sessions() > 0 || direct.sessions() > 0) && System.nanoTime() < until) Thread.sleep(20);
    }

    @Test
    void aBadFlagIsRefusedInPlainWords() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ServerConfig.from(new String[] {"--trusted-proxies", "10.0.0.0/40"}, java.util.Map.of()));
        assertEquals("--trusted-proxies: '10.0.0.0/40' needs a prefix length from 0 to 32", e.getMessage());
    }
}
