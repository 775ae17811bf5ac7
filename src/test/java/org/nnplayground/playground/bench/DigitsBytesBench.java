package org.nnplayground.playground.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Bytes an image run sends per epoch, by kind (binary frames, and each text message type), as a page
 * sees them: loads the book's digits network on a running server, steps {@code epochs} epochs and
 * counts what arrives until the last frame and a few seconds after. {@code hide}: the page says
 * that its weight images are off screen ({@code weightImages} off) before stepping.
 *   java -cp target/test-classes:target/classes:$(cat cp.txt) org.nnplayground.playground.bench.DigitsBytesBench PORT [EPOCHS] [hide]
 */
public final class DigitsBytesBench implements WebSocket.Listener {
    private final Map<String, long[]> bytes = new TreeMap<>();
    private final CountDownLatch session = new CountDownLatch(1);
    private final int epochs;
    private final CountDownLatch last = new CountDownLatch(1);
    private final StringBuilder text = new StringBuilder();
    private WebSocket socket;
    private volatile boolean counting;
    private boolean binaryStart = true;
    private int binaryEpoch = -1;
    private long binaryBytes;

    private DigitsBytesBench(int epochs) { this.epochs = epochs; }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        boolean hide = args.length > 2 && args[2].equals("hide");
        DigitsBytesBench page = new DigitsBytesBench(epochs);
        page.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), page).join();
        page.send("{\"type\":\"load\",\"link\":\"" + LoadBench.DIGITS + "\"}");
        if (!page.session.await(60, TimeUnit.SECONDS)) throw new IllegalStateException("no session");
        if (hide) page.send("{\"type\":\"weightImages\",\"on\":false}");
        Thread.sleep(3000); // the build's own messages pass
        page.counting = true;
        page.send("{\"type\":\"step\",\"epochs\":" + epochs + "}");
        if (!page.last.await(300, TimeUnit.SECONDS)) throw new IllegalStateException("no frame at epoch " + epochs);
        Thread.sleep(3000); // the full report after the last epoch
        page.counting = false;
        long total = 0;
        for (Map.Entry<String, long[]> e : page.bytes.entrySet()) {
            total += e.getValue()[0];
            System.out.printf("%-12s %6d messages %10d bytes  %9.0f bytes/epoch%n", e.getKey(), e.getValue()[1], e.getValue()[0],
                    e.getValue()[0] / (double) epochs);
        }
        System.out.printf("%-12s %28d bytes  %9.0f bytes/epoch (%d epochs%s)%n", "total", total, total / (double) epochs, epochs,
                hide ? ", weight images off screen" : "");
        page.socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
    }

    private synchronized void send(String json) { socket.sendText(json, true).join(); }

    private void count(String kind, long n) {
        if (!counting) return;
        synchronized (bytes) {
            long[] c = bytes.computeIfAbsent(kind, k -> new long[2]);
            c[0] += n;
            c[1]++;
        }
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean whole) {
        text.append(data);
        if (whole) {
            String m = text.toString();
            text.setLength(0);
            int at = m.indexOf("\"type\":\"");
            String type = at < 0 ? "?" : m.substring(at + 8, m.indexOf('"', at + 8));
            if (type.equals("session")) session.countDown();
            count(type, m.getBytes(StandardCharsets.UTF_8).length);
        }
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean whole) {
        // a big frame may come in pieces: its first holds u8 version, u8 mode, u32 epoch (little-endian)
        if (binaryStart && data.remaining() >= 6) binaryEpoch = data.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt(data.position() + 2);
        binaryStart = whole;
        binaryBytes += data.remaining();
        if (whole) {
            count("frame", binaryBytes);
            binaryBytes = 0;
            if (counting && binaryEpoch == epochs) last.countDown();
            send("{\"type\":\"ack\"}");
        }
        ws.request(1);
        return null;
    }
}
