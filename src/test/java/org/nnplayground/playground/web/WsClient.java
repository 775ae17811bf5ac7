package org.nnplayground.playground.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A test WebSocket client (the JDK's): collects text messages as JSON and binary frames. */
final class WsClient implements WebSocket.Listener, AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How long a wait for a message may last: a limit for a lost answer, long enough for a loaded machine. */
    static final long WAIT_SECONDS = 30;
    final java.util.concurrent.BlockingDeque<JsonNode> texts = new java.util.concurrent.LinkedBlockingDeque<>();
    final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    /** The server's close reason (set before {@link #closed} completes). */
    volatile String closeReason;
    /** Pings the server sent (the JDK answers each with a pong). */
    final java.util.concurrent.atomic.AtomicInteger pings = new java.util.concurrent.atomic.AtomicInteger();
    private final StringBuilder text = new StringBuilder();
    private final ByteArrayOutputStream binary = new ByteArrayOutputStream();
    private WebSocket socket;
    /** Acknowledge each frame as the page does (flow control); false: a client that stops taking frames. */
    volatile boolean acks = true;

    static WsClient connect(int port) {
        return connect(port, null);
    }

    /** Connects as a page from {@code origin} would (null: no Origin header, as non-browser clients). */
    static WsClient connect(int port, String origin) {
        WsClient c = new WsClient();
        WebSocket.Builder b = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(WAIT_SECONDS));
        if (origin != null) b.header("Origin", origin);
        c.socket = b.buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), c).join();
        return c;
    }

    /** A socket to another endpoint of the server (the class-room socket, {@code /ws/room}). */
    static WsClient connectTo(int port, String path) {
        return connectTo(port, path, null);
    }

    /** A socket to {@code path}, opened as a page from {@code origin} would (null: no Origin header). */
    static WsClient connectTo(int port, String path, String origin) {
        WsClient c = new WsClient();
        WebSocket.Builder b = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(WAIT_SECONDS));
        if (origin != null) b.header("Origin", origin);
        c.socket = b.buildAsync(URI.create("ws://127.0.0.1:" + port + path), c).join();
        return c;
    }

    /** Sends one text message (one at a time: the JDK's WebSocket allows a single send in progress). */
    synchronized void send(String json) { socket.sendText(json, true).join(); }

    /** Sends one binary message (the protocol has none from the page: the server refuses them). */
    synchronized void sendBinary(byte[] bytes) { socket.sendBinary(ByteBuffer.wrap(bytes), true).join(); }

    /** The next text message of {@code type} (others are skipped), or fails after WAIT_SECONDS. */
    JsonNode next(String type) throws InterruptedException {
        return next(m -> m.path("type").asText().equals(type), type);
    }

    JsonNode next(Predicate<JsonNode> wanted, String what) throws InterruptedException {
        return await(texts, wanted, "'" + what + "' message");
    }

    /**
     * One text message for each of {@code wanted}, in whatever order the server sends them (the
     * others are skipped); the answer lists them in the order of {@code wanted}. Fails after WAIT_SECONDS.
     */
    @SafeVarargs
    final java.util.List<JsonNode> nextEach(String what, Predicate<JsonNode>... wanted) throws InterruptedException {
        JsonNode[] found = new JsonNode[wanted.length];
        int missing = wanted.length;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (missing > 0 && System.nanoTime() < deadline) {
            JsonNode m = texts.poll(100, TimeUnit.MILLISECONDS);
            if (m == null) continue;
            for (int i = 0; i < wanted.length; i++) {
                if (found[i] == null && wanted[i].test(m)) {
                    found[i] = m;
                    missing--;
                    break;
                }
            }
        }
        if (missing > 0) throw new AssertionError("no " + what + " within " + WAIT_SECONDS + " s; had " + java.util.Arrays.toString(found));
        return java.util.List.of(found);
    }

    /**
     * The next text message {@code wanted}, leaving every other one in the queue, in order, for the
     * next wait (where the server may send others before it: a dashboard's first roster can come
     * before its {@code teaching}). Fails after WAIT_SECONDS.
     */
    JsonNode nextKeepingOthers(String type) throws InterruptedException {
        return nextKeepingOthers(m -> m.path("type").asText().equals(type), type);
    }

    JsonNode nextKeepingOthers(Predicate<JsonNode> wanted, String what) throws InterruptedException {
        java.util.ArrayDeque<JsonNode> others = new java.util.ArrayDeque<>();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            while (System.nanoTime() < deadline) {
                JsonNode m = texts.poll(100, TimeUnit.MILLISECONDS);
                if (m == null) continue;
                if (wanted.test(m)) return m;
                others.addLast(m);
            }
            throw new AssertionError("no '" + what + "' message within " + WAIT_SECONDS + " s");
        } finally {
            for (var i = others.descendingIterator(); i.hasNext(); ) texts.addFirst(i.next());
        }
    }

    /** The next frame whose epoch is {@code epoch}, or fails after WAIT_SECONDS. */
    Frame frameAt(int epoch) throws InterruptedException {
        return nextFrame(f -> f.epoch() == epoch, "frame at epoch " + epoch);
    }

    Frame nextFrame(Predicate<Frame> wanted, String what) throws InterruptedException {
        return await(frames, wanted, what);
    }

    /** Takes items until one is {@code wanted} (the others are dropped); fails after WAIT_SECONDS. */
    private static <T> T await(BlockingQueue<T> queue, Predicate<T> wanted, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (System.nanoTime() < deadline) {
            T item = queue.poll(100, TimeUnit.MILLISECONDS);
            if (item != null && wanted.test(item)) return item;
        }
        throw new AssertionError("no " + what + " within " + WAIT_SECONDS + " s");
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        text.append(data);
        if (last) {
            try {
                texts.add(JSON.readTree(text.toString()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            text.setLength(0);
        }
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
        byte[] chunk = new byte[data.remaining()];
        data.get(chunk);
        binary.writeBytes(chunk);
        if (last) {
            frames.add(Frame.decode(ByteBuffer.wrap(binary.toByteArray())));
            binary.reset();
            if (acks) send("{\"type\":\"ack\"}");
        }
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onPing(WebSocket ws, ByteBuffer message) {
        pings.incrementAndGet();
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
        closeReason = reason;
        closed.complete(status);
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) { closed.complete(-1); }

    /** Drops the connection without a close handshake (a vanished browser). */
    void abort() { socket.abort(); }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }
}
