package org.nnplayground.playground.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load benchmark (not a test): N simulated students on loopback, each loading a link and playing.
 * Reports per-session delivered frames/s, p50/p99 gap between frames, bytes per frame, the
 * server's CPU and resident memory (read from /proc of the server process), the p99 time from a
 * settings change to the next frame, and what stalled clients (never reading) cost.
 *
 * Usage: LoadBench PORT SERVER_PID SESSIONS SECONDS [C2_SHARE] [STALLED]
 * (-Dbench.heavy=N adds N unmeasured students on -Dbench.heavyLink, the digits network by default;
 * -Dbench.link=LINK plays LINK instead of C1, e.g. one student on the book's 2-128-64-1 network)
 */
public final class LoadBench {
    static final String C1 = "activation=tanh&batchSize=10&dataset=circle&learningRate=0.03&regularizationRate=0&noise=0&networkShape=4,2&seed=0.12345&percTrainData=50&x=true&y=true&problem=classification";
    /** The book's handwritten-digits network (ch. 10). */
    static final String DIGITS = "dataset=mnist&networkShape=128,64&activation=relu&dropout=0.2&optimizer=adam&batchSize=10&learningRate=0.001&seed=0.12345";
    static final String C2 = "activation=relu&regularization=L2&batchSize=10&dataset=spiral&learningRate=0.03&regularizationRate=0.001&noise=0&networkShape=8,8,8,8,8,8&seed=0.12345&percTrainData=50&x=true&y=true&xTimesY=true&xSquared=true&ySquared=true&sinX=true&sinY=true&problem=classification";

    /** One simulated student: counts frames, bytes and the gaps between frames. */
    static final class Student implements WebSocket.Listener {
        final boolean reads;
        final List<Long> arrivals = new ArrayList<>();
        final AtomicLong bytes = new AtomicLong();
        final AtomicLong epochs = new AtomicLong();
        final ConcurrentLinkedQueue<Long> changeLatencies = new ConcurrentLinkedQueue<>();
        volatile long changeSentAt;
        volatile boolean measuring;
        boolean inMessage;
        /** Frames received and not yet acknowledged (the page acknowledges two at a time). */
        int unacked;
        WebSocket socket;
        /** Every frame received, measured or not, and what else the server said (to explain a student without frames). */
        final AtomicLong allFrames = new AtomicLong();
        final AtomicLong texts = new AtomicLong();
        volatile String lastText = "";
        volatile String ended = "";
        private final StringBuilder textPart = new StringBuilder();

        Student(boolean reads) { this.reads = reads; }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            textPart.append(data);
            if (last) {
                texts.incrementAndGet();
                String t = textPart.toString();
                if (!t.startsWith("{\"type\":\"session\"")) lastText = t.length() > 200 ? t.substring(0, 200) : t;
                textPart.setLength(0);
            }
            if (!reads) ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
            ended = "closed " + status + " " + reason;
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) { ended = "error " + error; }

        /** One text message at a time (the JDK's WebSocket allows a single send in progress). */
        synchronized void send(String text) { socket.sendText(text, true).join(); }

        @Override
        public void onOpen(WebSocket ws) { ws.request(reads ? Long.MAX_VALUE : 1); }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            // the frame's history count (u32 at byte 42, docs/protocol.md) says how many epochs it covers
            if (!inMessage && data.remaining() >= 46) {
                epochs.addAndGet(data.order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt(data.position() + 42));
            }
            inMessage = !last;
            bytes.addAndGet(data.remaining());
            if (last) {
                allFrames.incrementAndGet();
                // the page acknowledges two frames at a time (flow control; web/js/socket.js): a playing
                // student gets frames without a pause, so no lone frame waits for the page's flush timer
                if (++unacked == 2) {
                    send("{\"type\":\"ack\",\"frames\":2}");
                    unacked = 0;
                }
                long now = System.nanoTime();
                long sent = changeSentAt;
                if (sent != 0) {
                    changeLatencies.add(now - sent);
                    changeSentAt = 0;
                }
                if (measuring) synchronized (arrivals) { arrivals.add(now); }
            }
            return null;
        }
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        long pid = Long.parseLong(args[1]);
        int sessions = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        double c2Share = args.length > 4 ? Double.parseDouble(args[4]) : 0;
        int stalled = args.length > 5 ? Integer.parseInt(args[5]) : 0;
        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create("ws://127.0.0.1:" + port + "/ws");
        long rssIdle = rssKb(pid);
        List<Student> students = new ArrayList<>();
        int c2Count = (int) Math.round(sessions * c2Share);
        for (int i = 0; i < sessions + stalled; i++) {
            Student s = new Student(i < sessions);
            s.socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10)).buildAsync(uri, s).join();
            String link = i < c2Count ? C2 : System.getProperty("bench.link", C1);
            s.send("{\"type\":\"load\",\"link\":\"" + link + "\"}");
            s.send("{\"type\":\"play\"}");
            students.add(s);
        }
        // heavy students beside the measured ones (-Dbench.heavy=5): the book's digits network by
        // default; they play and acknowledge like the others but are left out of the figures
        int heavy = Integer.getInteger("bench.heavy", 0);
        String heavyLink = System.getProperty("bench.heavyLink", DIGITS);
        List<Student> heavies = new ArrayList<>();
        for (int i = 0; i < heavy; i++) {
            Student s = new Student(true);
            s.socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10)).buildAsync(uri, s).join();
            s.send("{\"type\":\"load\",\"link\":\"" + heavyLink + "\"}");
            s.send("{\"type\":\"play\"}");
            heavies.add(s);
        }
        // warm-up: the JIT compiles the socket paths (acks), the checkpoint writer's H2 code and the
        // frame code for about 10 s after 200 students connect; measured before that, the compiler
        // took 0.1-0.25 of the 2 cores (3 s until the acks came)
        Thread.sleep(Long.getLong("bench.warmupSeconds", 10) * 1000);
        long cpu0 = cpuTicks(pid);
        java.util.Map<String, Long> threads0 = threadTicks(pid);
        long clientCpu0 = cpuTicks(ProcessHandle.current().pid());
        long t0 = System.nanoTime();
        long bytes0 = students.stream().mapToLong(s -> s.bytes.get()).sum();
        long epochs0 = students.stream().mapToLong(s -> s.epochs.get()).sum();
        students.forEach(s -> s.measuring = true);
        // settings changes: one student at a time changes its learning rate, 10 times a second
        long end = t0 + seconds * 1_000_000_000L;
        int probe = 0;
        while (System.nanoTime() < end) {
            Student s = students.get(probe++ % sessions);
            s.changeSentAt = System.nanoTime();
            s.send("{\"type\":\"set\",\"key\":\"learningRate\",\"value\":\"" + (probe % 2 == 0 ? "0.03" : "0.01") + "\"}");
            Thread.sleep(100);
        }
        students.forEach(s -> s.measuring = false);
        double elapsed = (System.nanoTime() - t0) / 1e9;
        long cpu1 = cpuTicks(pid);
        java.util.Map<String, Long> threads1 = threadTicks(pid);
        long clientCpu1 = cpuTicks(ProcessHandle.current().pid());
        long bytes1 = students.stream().mapToLong(s -> s.bytes.get()).sum();
        long epochs1 = students.stream().mapToLong(s -> s.epochs.get()).sum();
        long rssLoaded = rssKb(pid);

        double[] fps = new double[sessions];
        List<Long> gaps = new ArrayList<>();
        long frames = 0;
        for (int i = 0; i < sessions; i++) {
            Student s = students.get(i);
            synchronized (s.arrivals) {
                fps[i] = s.arrivals.size() / elapsed;
                frames += s.arrivals.size();
                for (int k = 1; k < s.arrivals.size(); k++) gaps.add(s.arrivals.get(k) - s.arrivals.get(k - 1));
            }
        }
        if (Boolean.getBoolean("bench.bySession")) { // which students get fewer frames (by connection order)
            StringBuilder b = new StringBuilder("frames/s by connection order (groups of 20):");
            for (int i = 0; i + 20 <= sessions; i += 20) b.append(String.format(Locale.ROOT, " %.1f", Arrays.stream(fps, i, i + 20).average().orElse(0)));
            System.out.println(b);
            Integer[] order = new Integer[sessions];
            for (int i = 0; i < sessions; i++) order[i] = i;
            double[] rate = fps.clone();
            Arrays.sort(order, (x, y) -> Double.compare(rate[x], rate[y]));
            for (int k : new int[] {0, 1, 2, sessions / 2, sessions - 2, sessions - 1}) {
                Student st = students.get(order[k]);
                long[] sg;
                synchronized (st.arrivals) {
                    sg = new long[Math.max(0, st.arrivals.size() - 1)];
                    for (int j = 1; j < st.arrivals.size(); j++) sg[j - 1] = st.arrivals.get(j) - st.arrivals.get(j - 1);
                }
                Arrays.sort(sg);
                System.out.printf(Locale.ROOT, "  session %d: %.1f frames/s, gaps p10 %.0f p50 %.0f p90 %.0f max %.0f ms%n", order[k], rate[order[k]],
                        pct(sg, 0.1) / 1e6, pct(sg, 0.5) / 1e6, pct(sg, 0.9) / 1e6, sg.length == 0 ? 0 : sg[sg.length - 1] / 1e6);
            }
        }
        // a student without frames is named with what it did get: frames before the measurement, the
        // server's last message (an error, its status, the link after a settings change) and its socket
        for (int i = 0; i < sessions; i++) {
            Student s = students.get(i);
            if (fps[i] == 0) {
                System.out.printf(Locale.ROOT, "student %d got no frame while measured: %d frames before, %d text messages, the last %s; socket %s%n",
                        i, s.allFrames.get(), s.texts.get(), s.lastText, s.ended.isEmpty() ? "open" : s.ended);
            }
        }
        Arrays.sort(fps);
        long[] g = gaps.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] changes = students.stream().flatMap(s -> s.changeLatencies.stream()).mapToLong(Long::longValue).sorted().toArray();
        double clk = 100.0; // USER_HZ
        System.out.printf(Locale.ROOT, "sessions %d (C2 share %.0f%%, stalled clients %d), %.1f s measured%n", sessions, c2Share * 100, stalled, elapsed);
        if (heavy > 0) System.out.printf(Locale.ROOT, "heavy students beside them: %d on %s%n", heavy, heavyLink);
        System.out.printf(Locale.ROOT, "frames/s per session: min %.1f, p10 %.1f, median %.1f, max %.1f%n",
                fps[0], fps[sessions / 10], fps[sessions / 2], fps[sessions - 1]);
        System.out.printf(Locale.ROOT, "gap between frames: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                pct(g, 0.5) / 1e6, pct(g, 0.99) / 1e6, g.length == 0 ? 0 : g[g.length - 1] / 1e6);
        System.out.printf(Locale.ROOT, "bytes per frame (WebSocket payload): %.0f%n", (bytes1 - bytes0) / (double) Math.max(1, frames));
        System.out.printf(Locale.ROOT, "epochs per frame: %.2f%n", (epochs1 - epochs0) / (double) Math.max(1, frames));
        System.out.printf(Locale.ROOT, "settings change -> next frame: p50 %.1f ms, p99 %.1f ms (%d changes)%n",
                pct(changes, 0.5) / 1e6, pct(changes, 0.99) / 1e6, changes.length);
        System.out.printf(Locale.ROOT, "server CPU: %.2f cores (the simulated students on the same machine: %.2f); RSS idle %d MiB, under load %d MiB%n",
                (cpu1 - cpu0) / clk / elapsed, (clientCpu1 - clientCpu0) / clk / elapsed, rssIdle / 1024, rssLoaded / 1024);
        StringBuilder byGroup = new StringBuilder();
        threads1.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue() - threads0.getOrDefault(b.getKey(), 0L), a.getValue() - threads0.getOrDefault(a.getKey(), 0L)))
                .limit(5).forEach(e -> byGroup.append(String.format(Locale.ROOT, "%s %.2f, ", e.getKey(), (e.getValue() - threads0.getOrDefault(e.getKey(), 0L)) / clk / elapsed)));
        System.out.printf(Locale.ROOT, "server CPU by threads (cores): %sper frame %.0f us%n", byGroup, (cpu1 - cpu0) / clk / Math.max(1, frames) * 1e6);
        for (Student s : students) s.socket.abort();
    }

    private static long pct(long[] sorted, double p) {
        if (sorted.length == 0) return 0;
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))];
    }

    static long cpuTicks(long pid) throws Exception {
        String[] f = Files.readString(Path.of("/proc/" + pid + "/stat")).replaceAll(".*\\) ", "").split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    /** CPU ticks of the server's threads by name without its number ("trainer", "JettyServerThreadPool", ...), from /proc. */
    static java.util.Map<String, Long> threadTicks(long pid) throws Exception {
        java.util.Map<String, Long> ticks = new java.util.TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (java.io.IOException gone) {
                    continue; // the thread ended
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[-#0-9 ]+$", "");
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks.merge(name, Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
            }
        }
        return ticks;
    }

    static long rssKb(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
        return -1;
    }
}
