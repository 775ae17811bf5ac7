package org.nnplayground.playground.bench;

import org.nnplayground.playground.web.PlaygroundServer;
import org.nnplayground.playground.web.ServerConfig;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What digits sessions cost in memory: a server in this JVM, then 1, 5 and 20 pages that load the
 * book's digits network (784-128-64-10) and train (a few batches, then pause); after each count the heap in use
 * after a full GC (MemoryMXBean) and the process's RSS. The 10,000 digits as doubles are 62.7 MB:
 * held once per server, each session adds only its network, optimizer state, targets and work matrices.
 *   java -Xmx1g -cp target/test-classes:target/classes:$(cat cp.txt) org.nnplayground.playground.bench.DigitsHeapBench [1,5,20]
 */
public final class DigitsHeapBench {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    public static void main(String[] args) throws Exception {
        String[] counts = (args.length > 0 ? args[0] : "1,5,20").split(",");
        PlaygroundServer server = PlaygroundServer.start(ServerConfig.defaults().withHost("127.0.0.1").withPort(0));
        HttpClient http = HttpClient.newHttpClient();
        List<Page> pages = new ArrayList<>();
        try {
            report("server, no session", 0);
            for (String c : counts) {
                int n = Integer.parseInt(c.trim());
                int more = n - pages.size();
                CountDownLatch trained = new CountDownLatch(more);
                for (int i = 0; i < more; i++) {
                    Page page = new Page(trained);
                    page.socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                            .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/ws"), page).join();
                    page.send("{\"type\":\"load\",\"link\":\"" + LoadBench.DIGITS + "\"}");
                    page.send("{\"type\":\"play\"}");
                    pages.add(page);
                }
                if (!trained.await(600, TimeUnit.SECONDS)) throw new IllegalStateException("not every page trained");
                report(n + " digits session" + (n == 1 ? "" : "s") + ", trained", n);
            }
        } finally {
            for (Page p : pages) p.socket.abort();
            server.stop();
        }
    }

    private static long lastUsed = -1;
    private static int lastSessions;

    /** One line: heap in use after a full GC, RSS, and what each session added since the line before. */
    private static void report(String what, int sessions) throws Exception {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        long used = MEMORY.getHeapMemoryUsage().getUsed();
        String per = lastUsed < 0 ? "" : String.format(Locale.ROOT, "  +%.1f MB for %d more: %.1f MB each",
                (used - lastUsed) / 1e6, sessions - lastSessions, (used - lastUsed) / 1e6 / (sessions - lastSessions));
        System.out.printf(Locale.ROOT, "%-40s heap used after GC %7.1f MB, RSS %7.1f MB%s%n", what, used / 1e6, rssKb() / 1e3, per);
        lastUsed = used;
        lastSessions = sessions;
    }

    private static long rssKb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
        return -1;
    }

    /** A page that acknowledges every frame and counts down once its run has trained (a progress report), then pauses it. */
    private static final class Page implements WebSocket.Listener {
        private final CountDownLatch trained;
        private final StringBuilder text = new StringBuilder();
        private boolean counted;

        WebSocket socket;

        Page(CountDownLatch trained) { this.trained = trained; }

        /** One send at a time: the JDK's WebSocket allows a single send in progress. */
        synchronized void send(String json) { socket.sendText(json, true).join(); }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                // a digits report of a started epoch: the run has trained (its optimizer state exists); it rests paused
                String m = text.toString();
                text.setLength(0);
                if (!counted && m.contains("\"type\":\"digits\"") && m.contains("\"samplesDone\":") && !m.contains("\"samplesDone\":0,")) {
                    counted = true;
                    send("{\"type\":\"pause\"}");
                    trained.countDown();
                }
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            if (last) send("{\"type\":\"ack\"}");
            ws.request(1);
            return null;
        }
    }
}
