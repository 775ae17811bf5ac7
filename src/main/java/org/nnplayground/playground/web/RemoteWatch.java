package org.nnplayground.playground.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A teacher's view of a run that trains on another replica: this server opens that replica's room
 * socket as the same teacher (the key the teacher gave here, no dashboard), asks to watch the
 * student, and passes the run's messages and frames on to the teacher's socket. The other server
 * gets an ack for each frame at most {@link #FRAMES_PER_SECOND} times a second, and a frame the
 * teacher's page has no room for is dropped: a low-rate copy that never slows the student's run.
 * When the other side ends (its server stopped, the student moved), {@code ended} is told once.
 */
final class RemoteWatch implements WebSocket.Listener {
    static final int FRAMES_PER_SECOND = 15;
    /** Largest message taken from the other server (a session description of the largest network is well under it). */
    private static final int MAX_MESSAGE_BYTES = 8 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Connection teacher;
    private final Runnable ended;
    private final ScheduledExecutorService timer;
    private final AtomicBoolean over = new AtomicBoolean();
    private final StringBuilder text = new StringBuilder();
    private final ByteArrayOutputStream binary = new ByteArrayOutputStream();
    private volatile WebSocket socket;
    private long nextAckNanos = System.nanoTime();
    /** The last text sent to the other server: the next waits for it (the JDK's socket takes one send at a time). */
    private CompletableFuture<WebSocket> sending;

    private RemoteWatch(Connection teacher, ScheduledExecutorService timer, Runnable ended) {
        this.teacher = teacher;
        this.timer = timer;
        this.ended = ended;
    }

    /** Starts relaying {@code studentId}'s run of room {@code code} from the server at {@code address} (http://host:port). */
    static RemoteWatch open(HttpClient http, ScheduledExecutorService timer, String address, String code, String key,
                            String studentId, Connection teacher, Runnable ended) {
        RemoteWatch w = new RemoteWatch(teacher, timer, ended);
        URI uri = URI.create(address.replaceFirst("^http", "ws") + "/ws/room");
        http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5)).buildAsync(uri, w).whenComplete((ws, failure) -> {
            if (failure != null) {
                w.end();
                return;
            }
            w.socket = ws;
            if (w.over.get()) {
                ws.abort();
                return;
            }
            w.send(ws, json("type", "teach", "code", code, "key", key, "dashboard", false));
            w.send(ws, json("type", "watch", "studentId", studentId));
        });
        return w;
    }

    /** Stops relaying (the teacher watches another run, or left); {@code ended} is not told. */
    void close() {
        if (!over.compareAndSet(false, true)) return;
        WebSocket ws = socket;
        if (ws != null) ws.abort();
    }

    /** The relay ended from the other side, or could not start. */
    private void end() {
        if (!over.compareAndSet(false, true)) return;
        WebSocket ws = socket;
        if (ws != null) ws.abort();
        ended.run();
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        text.append(data);
        if (text.length() > MAX_MESSAGE_BYTES) {
            end();
            return null;
        }
        if (last) {
            String message = text.toString();
            text.setLength(0);
            relay(message);
        }
        ws.request(1);
        return null;
    }

    /** The run's own messages go on; the other server's answers to this relay stay here; a refusal or an end ends it. */
    private void relay(String message) {
        String type;
        try {
            JsonNode m = JSON.readTree(message);
            type = m.path("type").asText();
        } catch (java.io.IOException e) {
            end();
            return;
        }
        switch (type) {
            case "teaching", "watching", "roster", "done" -> { }
            case "error", "roomClosed" -> end();
            default -> teacher.sendText(message);
        }
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
        byte[] part = new byte[data.remaining()];
        data.get(part);
        binary.write(part, 0, part.length);
        if (binary.size() > MAX_MESSAGE_BYTES) {
            end();
            return null;
        }
        if (last) {
            ByteBuffer frame = ByteBuffer.wrap(binary.toByteArray());
            binary.reset();
            if (teacher.canSendFrame()) teacher.frame(frame);
            ackLater(ws);
        }
        ws.request(1);
        return null;
    }

    /** Acknowledges one frame, no sooner than a {@link #FRAMES_PER_SECOND}th of a second after the last ack. */
    private void ackLater(WebSocket ws) {
        long now = System.nanoTime();
        nextAckNanos = Math.max(now, nextAckNanos + 1_000_000_000L / FRAMES_PER_SECOND);
        timer.schedule(() -> {
            if (!over.get()) send(ws, "{\"type\":\"ack\"}");
        }, nextAckNanos - now, TimeUnit.NANOSECONDS);
    }

    /** Sends {@code text} after the texts sent before it; a failed send ends the relay. */
    private synchronized void send(WebSocket ws, String text) {
        CompletableFuture<WebSocket> before = sending == null ? CompletableFuture.completedFuture(ws) : sending;
        sending = before.thenCompose(w -> w.sendText(text, true)).whenComplete((w, failure) -> {
            if (failure != null) end();
        });
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        end();
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) { end(); }

    private static String json(Object... keysAndValues) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        try {
            return JSON.writeValueAsString(m);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
