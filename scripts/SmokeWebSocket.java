import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * WebSocket smoke test for the playground server. JDK only:
 *
 * <pre>java scripts/SmokeWebSocket.java ws://127.0.0.1:8080/ws [timeoutSeconds]</pre>
 *
 * Connects, sends a "load" message (small classification network on the circle data
 * set) and a "step" message, and waits for a binary message larger than 100 bytes.
 * Exit 0 when one arrives within the timeout (default 20 s), printing its size;
 * otherwise exit 1 (nothing suitable received, or the server closed) or 2 (could not
 * connect), printing what was received.
 */
public final class SmokeWebSocket {
    static final String LOAD = "{\"type\":\"load\",\"link\":\"activation=tanh&batchSize=10&dataset=circle"
            + "&learningRate=0.03&networkShape=4,2&seed=0.12345&x=true&y=true&problem=classification\"}";
    static final String STEP = "{\"type\":\"step\"}";
    static final int MIN_BINARY_BYTES = 100;

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: java SmokeWebSocket.java ws://HOST:PORT/ws [timeoutSeconds]");
            System.exit(64);
        }
        URI uri = URI.create(args[0]);
        long timeoutMs = TimeUnit.SECONDS.toMillis(args.length > 1 ? Long.parseLong(args[1]) : 20);
        long start = System.nanoTime();

        List<String> received = new CopyOnWriteArrayList<>();
        CompletableFuture<Integer> bigBinary = new CompletableFuture<>();

        WebSocket.Listener listener = new WebSocket.Listener() {
            final StringBuilder text = new StringBuilder();
            ByteBuffer binary = ByteBuffer.allocate(0);

            @Override
            public void onOpen(WebSocket ws) {
                ws.request(1);
            }

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    received.add("text " + text.length() + " chars: " + abbreviate(text.toString(), 300));
                    text.setLength(0);
                }
                ws.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
                // A message may come in several parts: put them together.
                ByteBuffer joined = ByteBuffer.allocate(binary.remaining() + data.remaining());
                joined.put(binary).put(data).flip();
                binary = joined;
                if (last) {
                    int size = binary.remaining();
                    received.add("binary " + size + " bytes");
                    binary = ByteBuffer.allocate(0);
                    if (size > MIN_BINARY_BYTES) {
                        bigBinary.complete(size);
                    }
                }
                ws.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
                received.add("close " + statusCode + (reason.isEmpty() ? "" : " " + reason));
                bigBinary.completeExceptionally(
                        new IllegalStateException("server closed the WebSocket: " + statusCode + " " + reason));
                return null;
            }

            @Override
            public void onError(WebSocket ws, Throwable error) {
                received.add("error " + error);
                bigBinary.completeExceptionally(error);
            }
        };

        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(timeoutMs)).build();
        WebSocket ws;
        try {
            ws = client.newWebSocketBuilder()
                    .connectTimeout(Duration.ofMillis(timeoutMs))
                    .buildAsync(uri, listener)
                    .get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            System.out.println("FAIL: could not open " + uri + ": " + rootCause(e));
            System.exit(2);
            return;
        }
        System.out.println("connected to " + uri);

        int exit;
        try {
            // One send at a time: the next only after the previous has completed.
            ws.sendText(LOAD, true).get(remaining(start, timeoutMs), TimeUnit.MILLISECONDS);
            ws.sendText(STEP, true).get(remaining(start, timeoutMs), TimeUnit.MILLISECONDS);
            System.out.println("sent load and step");
            int size = bigBinary.get(remaining(start, timeoutMs), TimeUnit.MILLISECONDS);
            System.out.println("OK: binary message of " + size + " bytes after "
                    + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " ms");
            exit = 0;
        } catch (TimeoutException e) {
            System.out.println("FAIL: no binary message > " + MIN_BINARY_BYTES + " bytes within "
                    + timeoutMs / 1000 + " s");
            exit = 1;
        } catch (Exception e) {
            System.out.println("FAIL: " + rootCause(e));
            exit = 1;
        }
        System.out.println("received " + received.size() + " message(s):");
        for (String m : received) {
            System.out.println("  " + m);
        }
        try {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(2, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            ws.abort();
        }
        System.exit(exit);
    }

    static long remaining(long startNanos, long timeoutMs) {
        return Math.max(1, timeoutMs - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
    }

    static String rootCause(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.toString();
    }

    static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "...";
    }
}
