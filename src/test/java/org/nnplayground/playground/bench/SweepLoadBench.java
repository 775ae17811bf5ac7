package org.nnplayground.playground.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What sweeping students do to the others (not a test): P students play C1 while S others each run
 * a 3 x 3 x 2-seed sweep of C1 for 300 epochs, starting a new one whenever one finishes. Reports the
 * players' frames/s and frame gaps, and the sweeps finished.
 *
 * Usage: SweepLoadBench PORT PLAYERS SWEEPERS SECONDS
 */
public final class SweepLoadBench {
    static final String SWEEP = "{\"type\":\"sweep\",\"vary\":{\"learningRate\":[\"0.003\",\"0.01\",\"0.03\"],"
            + "\"networkShape\":[\"4:4\",\"2:8\",\"8\"]},\"epochs\":300,\"seeds\":2}";

    /** A student who sweeps, again and again; counts finished sweeps. */
    static final class Sweeper implements WebSocket.Listener {
        final AtomicInteger finished = new AtomicInteger();
        private final StringBuilder text = new StringBuilder();
        WebSocket socket;

        /** One text message at a time (the JDK's WebSocket allows a single send in progress). */
        synchronized void send(String message) { socket.sendText(message, true).join(); }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String m = text.toString();
                text.setLength(0);
                if (m.contains("\"type\":\"sweep\"") && m.contains("\"state\":\"done\"")) {
                    finished.incrementAndGet();
                    send(SWEEP);
                }
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, java.nio.ByteBuffer data, boolean last) {
            if (last) send("{\"type\":\"ack\"}"); // as the page does (flow control)
            ws.request(1);
            return null;
        }
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int players = Integer.parseInt(args[1]);
        int sweepers = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create("ws://127.0.0.1:" + port + "/ws");
        List<LoadBench.Student> students = new ArrayList<>();
        for (int i = 0; i < players; i++) {
            LoadBench.Student s = new LoadBench.Student(true);
            s.socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10)).buildAsync(uri, s).join();
            s.send("{\"type\":\"load\",\"link\":\"" + LoadBench.C1 + "\"}");
            s.send("{\"type\":\"play\"}");
            students.add(s);
        }
        List<Sweeper> sweeping = new ArrayList<>();
        List<WebSocket> sockets = new ArrayList<>();
        for (int i = 0; i < sweepers; i++) {
            Sweeper w = new Sweeper();
            WebSocket ws = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10)).buildAsync(uri, w).join();
            w.socket = ws;
            w.send("{\"type\":\"load\",\"link\":\"" + LoadBench.C1 + "\"}");
            w.send(SWEEP);
            sweeping.add(w);
            sockets.add(ws);
        }
        Thread.sleep(3000);
        students.forEach(s -> s.measuring = true);
        int finished0 = sweeping.stream().mapToInt(w -> w.finished.get()).sum();
        long t0 = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        students.forEach(s -> s.measuring = false);
        double elapsed = (System.nanoTime() - t0) / 1e9;
        int finished = sweeping.stream().mapToInt(w -> w.finished.get()).sum() - finished0;
        double[] fps = new double[players];
        List<Long> gaps = new ArrayList<>();
        for (int i = 0; i < players; i++) {
            LoadBench.Student s = students.get(i);
            synchronized (s.arrivals) {
                fps[i] = s.arrivals.size() / elapsed;
                for (int k = 1; k < s.arrivals.size(); k++) gaps.add(s.arrivals.get(k) - s.arrivals.get(k - 1));
            }
        }
        Arrays.sort(fps);
        long[] g = gaps.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "players %d, sweepers %d, %.1f s measured%n", players, sweepers, elapsed);
        System.out.printf(Locale.ROOT, "players' frames/s: min %.1f, median %.1f, max %.1f; gap p50 %.1f ms, p99 %.1f ms%n",
                fps[0], fps[players / 2], fps[players - 1], g.length == 0 ? 0 : g[g.length / 2] / 1e6,
                g.length == 0 ? 0 : g[Math.min(g.length - 1, (int) (0.99 * g.length))] / 1e6);
        System.out.printf(Locale.ROOT, "sweeps finished: %d (%.2f per sweeper per minute)%n", finished,
                sweepers == 0 ? 0 : finished * 60.0 / elapsed / sweepers);
        for (LoadBench.Student s : students) s.socket.abort();
        for (WebSocket ws : sockets) ws.abort();
    }
}
