package org.nnplayground.playground.bench;

import org.nnplayground.playground.data.WideCsv;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The "hostile class" benchmark (not a test): N honest C1 students play while attackers do
 * everything at once: heavy steps on the biggest network the limits allow, CSV floods, odd
 * messages, 20 players that stop reading, connect/load/close churn. Reports the honest frame
 * rate before, during and after the attack, /health answers, the worst turn and the server's RSS.
 *
 * Usage: HostileBench PORT SERVER_PID HONEST SECONDS [ATTACKS]
 * (ATTACKS: a comma-separated subset of heavy,csv,odd,stalled,churn,upload,draw; default all, at once.
 * upload: two loops POSTing a 1.6 MB CSV to /api/csv back to back, almost all refused with 429;
 * draw: 30 sockets sending drawPoint at twice the message rate, a flood;
 * drawing: 30 sockets drawing within the rate, which is 30 more students playing their drawings)
 */
public final class HostileBench {
    static final String HEAVY = "networkShape=200,200&batchSize=1&percTrainData=90&seed=0.1";
    private static final AtomicBoolean attacking = new AtomicBoolean();

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        long pid = Long.parseLong(args[1]);
        int honest = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        java.util.Set<String> attacks = java.util.Set.of((args.length > 4 ? args[4] : "heavy,csv,odd,stalled,churn,upload,draw").split(","));
        long started = System.nanoTime();
        HttpClient http = HttpClient.newHttpClient();
        URI ws = URI.create("ws://127.0.0.1:" + port + "/ws");
        URI health = URI.create("http://127.0.0.1:" + port + "/health");

        List<LoadBench.Student> students = new ArrayList<>();
        for (int i = 0; i < honest; i++) {
            LoadBench.Student s = new LoadBench.Student(true);
            // a client of its own (its own selector thread): the attackers' traffic must not queue the honest acks
            s.socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(ws, s).join();
            s.send("{\"type\":\"load\",\"link\":\"" + LoadBench.C1 + "\"}");
            s.send("{\"type\":\"play\"}");
            students.add(s);
        }
        Thread.sleep(3000);
        long cpuBase0 = LoadBench.cpuTicks(pid);
        long tBase = System.nanoTime();
        double[] baseline = measure(students, seconds);
        double cpuBase = (LoadBench.cpuTicks(pid) - cpuBase0) / 100.0 / ((System.nanoTime() - tBase) / 1e9);
        long rssBase = LoadBench.rssKb(pid);

        // the attack
        attacking.set(true);
        List<Thread> attackers = new ArrayList<>();
        List<WebSocket> attackSockets = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicLong csvSent = new AtomicLong();
        AtomicLong churned = new AtomicLong();
        if (attacks.contains("heavy")) for (int i = 0; i < 2; i++) attackers.add(loop("heavy-" + i, () -> heavyStepper(HttpClient.newHttpClient(), ws, attackSockets)));
        if (attacks.contains("csv")) for (int i = 0; i < 3; i++) attackers.add(loop("csv-" + i, () -> csvFlooder(HttpClient.newHttpClient(), ws, attackSockets, csvSent)));
        if (attacks.contains("odd")) attackers.add(loop("odd", () -> oddMessages(HttpClient.newHttpClient(), ws, attackSockets)));
        long[] uploads = new long[3]; // answered 201, answered 429 (or another refusal), cut off by the server's close
        if (attacks.contains("upload")) for (int i = 0; i < 2; i++) attackers.add(loop("upload-" + i, () -> uploadFlood(port, uploads)));
        AtomicLong drawn = new AtomicLong();
        if (attacks.contains("draw")) for (int i = 0; i < 30; i++) attackers.add(loop("draw-" + i, () -> drawFlood(HttpClient.newHttpClient(), ws, attackSockets, drawn, 100)));
        if (attacks.contains("drawing")) for (int i = 0; i < 30; i++) attackers.add(loop("drawing-" + i, () -> drawFlood(HttpClient.newHttpClient(), ws, attackSockets, drawn, 40)));
        if (attacks.contains("churn")) attackers.add(loop("churn", () -> churn(HttpClient.newHttpClient(), ws, churned)));
        HttpClient stalledClient = HttpClient.newHttpClient();
        for (int i = 0; i < (attacks.contains("stalled") ? 20 : 0); i++) {
            LoadBench.Student stalled = new LoadBench.Student(false);
            stalled.socket = stalledClient.newWebSocketBuilder().buildAsync(ws, stalled).join();
            stalled.send("{\"type\":\"load\",\"link\":\"" + LoadBench.C1 + "\"}");
            stalled.send("{\"type\":\"play\"}");
            attackSockets.add(stalled.socket);
        }
        AtomicInteger healthFailures = new AtomicInteger();
        AtomicInteger healthChecks = new AtomicInteger();
        AtomicLong worstTurnMs = new AtomicLong();
        AtomicLong rssMax = new AtomicLong();
        Thread watcher = loop("health", () -> {
            while (attacking.get()) {
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                    healthChecks.incrementAndGet();
                    if (r.statusCode() != 200 || !r.body().contains("\"status\":\"ok\"")) healthFailures.incrementAndGet();
                    String w = r.body().replaceAll(".*\"worstTurnMs\":([0-9.]+).*", "$1");
                    worstTurnMs.accumulateAndGet((long) Double.parseDouble(w), Math::max);
                } catch (Exception e) {
                    healthChecks.incrementAndGet();
                    healthFailures.incrementAndGet();
                }
                rssMax.accumulateAndGet(LoadBench.rssKb(pid), Math::max);
                Thread.sleep(250);
            }
        });
        attackers.forEach(Thread::start);
        watcher.start();
        Thread.sleep(3000);
        long cpu0 = LoadBench.cpuTicks(pid);
        long t0 = System.nanoTime();
        double[] underAttack = measure(students, seconds);
        double cpu = (LoadBench.cpuTicks(pid) - cpu0) / 100.0 / ((System.nanoTime() - t0) / 1e9);
        attacking.set(false);
        for (Thread t : attackers) t.join(5000);
        watcher.join(5000);
        synchronized (attackSockets) { attackSockets.forEach(WebSocket::abort); }
        Thread.sleep(3000);
        double[] after = measure(students, seconds);
        long rssAfter = LoadBench.rssKb(pid);

        System.out.printf(Locale.ROOT, "honest C1 students: %d, %d s per phase; attacks: %s%n", honest, seconds, String.join(",", new java.util.TreeSet<>(attacks)));
        report("before the attack", baseline, baseline);
        report("under attack     ", underAttack, baseline);
        report("after the attack ", after, baseline);
        System.out.printf(Locale.ROOT, "/health: %d of %d checks not ok; worst turn of the last minute (max seen): %d ms%n",
                healthFailures.get(), healthChecks.get(), worstTurnMs.get());
        System.out.printf(Locale.ROOT, "server CPU before the attack: %.2f cores; the attack's share: %.2f cores%n", cpuBase, cpu - cpuBase);
        if (attacks.contains("upload")) {
            System.out.printf(Locale.ROOT, "upload flood (2 loops, 1.6 MB each): %d accepted, %d refused with an answer, %d cut off by the server's close%n",
                    uploads[0], uploads[1], uploads[2]);
        }
        if (attacks.contains("draw") || attacks.contains("drawing")) System.out.printf(Locale.ROOT, "drawPoint: %d points sent by 30 sockets%n", drawn.get());
        System.out.printf(Locale.ROOT, "server CPU under attack: %.2f cores; RSS: %d MiB before, max %d MiB under attack, %d MiB after%n",
                cpu, rssBase / 1024, rssMax.get() / 1024, rssAfter / 1024);
        System.out.printf(Locale.ROOT, "attack volume: %d uploads of a 1.6 MB CSV tried, %d connect/load/close cycles; this client's CPU over the run: %.2f cores%n",
                csvSent.get(), churned.get(), LoadBench.cpuTicks(ProcessHandle.current().pid()) / 100.0 / ((System.nanoTime() - started) / 1e9));
        for (LoadBench.Student s : students) s.socket.abort();
    }

    private static void report(String phase, double[] fps, double[] baseline) {
        double median = fps[fps.length / 2];
        double baseMedian = baseline[baseline.length / 2];
        System.out.printf(Locale.ROOT, "%s frames/s per student: median %.1f (%.0f%% of baseline), min %.1f (%.0f%%), max %.1f%n",
                phase, median, 100 * median / baseMedian, fps[0], 100 * fps[0] / baseMedian, fps[fps.length - 1]);
    }

    /** Frames per second of each student over {@code seconds}, sorted. */
    private static double[] measure(List<LoadBench.Student> students, int seconds) throws InterruptedException {
        students.forEach(s -> { synchronized (s.arrivals) { s.arrivals.clear(); } s.measuring = true; });
        long t0 = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        students.forEach(s -> s.measuring = false);
        double elapsed = (System.nanoTime() - t0) / 1e9;
        double[] fps = new double[students.size()];
        for (int i = 0; i < fps.length; i++) synchronized (students.get(i).arrivals) { fps[i] = students.get(i).arrivals.size() / elapsed; }
        Arrays.sort(fps);
        return fps;
    }

    /** Loads the heaviest network and keeps asking for 1000-epoch steps. */
    private static void heavyStepper(HttpClient http, URI ws, List<WebSocket> sockets) throws Exception {
        LoadBench.Student s = new LoadBench.Student(true);
        s.socket = http.newWebSocketBuilder().buildAsync(ws, s).join();
        sockets.add(s.socket);
        s.send("{\"type\":\"load\",\"link\":\"" + HEAVY + "\"}");
        while (attacking.get()) {
            s.send("{\"type\":\"step\",\"epochs\":1000}");
            Thread.sleep(500);
        }
    }

    /**
     * Uploads a 1.6 MB CSV over HTTP twice a second and builds a session on each accepted one:
     * twice what one address may upload (one a second), so the limit is always hit. Every other
     * round it also pushes the CSV through a socket of its own, which the server closes (1009) from
     * the frame's header. (Faster floods only cost this client's JVM, which also hosts the honest students.)
     */
    private static void csvFlooder(HttpClient http, URI ws, List<WebSocket> sockets, AtomicLong sent) throws Exception {
        String csv = WideCsv.text();
        String inline = "{\"type\":\"loadCsv\",\"name\":\"flood.csv\",\"content\":\"" + WideCsv.jsonEscaped() + "\"}";
        URI upload = URI.create("http://" + ws.getHost() + ":" + ws.getPort() + "/api/csv?name=flood.csv");
        LoadBench.Student s = new LoadBench.Student(true);
        s.socket = http.newWebSocketBuilder().buildAsync(ws, s).join();
        sockets.add(s.socket);
        for (int round = 0; attacking.get(); round++) {
            HttpResponse<String> r;
            sent.incrementAndGet();
            try {
                r = http.send(HttpRequest.newBuilder(upload).POST(HttpRequest.BodyPublishers.ofString(csv)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException refusedEarly) {
                // a 429 comes before the body is read and the server closes: this client sees a broken pipe
                Thread.sleep(500);
                continue;
            }
            if (r.statusCode() == 201) s.send("{\"type\":\"loadCsv\",\"upload\":\"" + r.body().replaceAll(".*\"upload\":\"([0-9a-f]+)\".*", "$1") + "\"}");
            if (round % 2 == 0) {
                try {
                    LoadBench.Student pusher = new LoadBench.Student(true);
                    pusher.socket = http.newWebSocketBuilder().buildAsync(ws, pusher).join();
                    pusher.send(inline);
                    pusher.socket.abort();
                } catch (RuntimeException refused) {
                    // closed by the server while sending: what it should do
                }
            }
            Thread.sleep(500);
        }
    }

    /** Odd messages as fast as the rate limit lets through, and then some. */
    private static void oddMessages(HttpClient http, URI ws, List<WebSocket> sockets) throws Exception {
        LoadBench.Student s = new LoadBench.Student(true);
        s.socket = http.newWebSocketBuilder().buildAsync(ws, s).join();
        sockets.add(s.socket);
        String[] odd = {"null", "[]", "42", "\"play\"", "{\"type\":\"dance\"}", "{\"type\":\"step\",\"epochs\":\"x\"}", "{not json"};
        for (int i = 0; attacking.get(); i++) {
            s.send(odd[i % odd.length]);
            Thread.sleep(10);
        }
    }

    /**
     * POSTs the 1.6 MB CSV over a raw connection, back to back, in 64 KiB writes that stop when
     * the answer arrives: the server should refuse from the headers and close, so most of the body
     * is never sent (a broken pipe here is that close).
     */
    private static void uploadFlood(int port, long[] counts) throws Exception {
        byte[] body = WideCsv.text().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] head = ("POST /api/csv?name=flood.csv HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/csv\r\nConnection: close\r\nContent-Length: "
                + body.length + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        while (attacking.get()) {
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                s.setSoTimeout(10_000);
                s.getOutputStream().write(head);
                int index = 1;
                try {
                    // as curl or a browser does: stop sending once the answer has come
                    for (int at = 0; at < body.length && s.getInputStream().available() == 0; at += 64 * 1024) {
                        s.getOutputStream().write(body, at, Math.min(64 * 1024, body.length - at));
                    }
                } catch (java.io.IOException cutOff) {
                    index = 2;
                }
                byte[] status = s.getInputStream().readNBytes(12);
                String line = new String(status, java.nio.charset.StandardCharsets.US_ASCII);
                if (line.startsWith("HTTP/1.1 201")) index = 0;
                else if (line.startsWith("HTTP/1.1")) index = 1;
                synchronized (counts) { counts[index]++; }
            } catch (java.io.IOException reset) {
                synchronized (counts) { counts[2]++; }
            }
        }
    }

    /**
     * Draws points on a C1 network at {@code perSecond}: 100 is twice the default message rate (a
     * flood: its turns are charged extra once its socket goes past the rate), 40 is within it (as
     * many students drawing, each playing its drawing: their fair share of turns is theirs).
     */
    private static void drawFlood(HttpClient http, URI ws, List<WebSocket> sockets, AtomicLong drawn, int perSecond) throws Exception {
        LoadBench.Student s = new LoadBench.Student(true);
        s.socket = http.newWebSocketBuilder().buildAsync(ws, s).join();
        sockets.add(s.socket);
        s.send("{\"type\":\"load\",\"link\":\"" + LoadBench.C1 + "\"}");
        java.util.Random random = new java.util.Random();
        while (attacking.get()) {
            s.send(String.format(Locale.ROOT, "{\"type\":\"drawPoint\",\"x\":%.2f,\"y\":%.2f,\"label\":%d}",
                    random.nextDouble() * 12 - 6, random.nextDouble() * 12 - 6, random.nextBoolean() ? 1 : -1));
            drawn.incrementAndGet();
            Thread.sleep(1000 / perSecond);
        }
    }

    /** Connects, loads a network, closes: as fast as it goes, one at a time. */
    private static void churn(HttpClient http, URI ws, AtomicLong cycles) throws Exception {
        for (int i = 0; attacking.get(); i++) {
            LoadBench.Student s = new LoadBench.Student(true);
            s.socket = http.newWebSocketBuilder().buildAsync(ws, s).join();
            s.send("{\"type\":\"load\",\"link\":\"" + (i % 2 == 0 ? HEAVY : LoadBench.C1) + "\"}");
            s.send("{\"type\":\"play\"}");
            Thread.sleep(20);
            if (i % 2 == 0) s.socket.abort();
            else s.socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
            cycles.incrementAndGet();
        }
    }

    interface Body { void run() throws Exception; }

    private static Thread loop(String name, Body body) {
        Thread t = new Thread(() -> {
            try {
                body.run();
            } catch (Exception e) {
                if (attacking.get()) System.err.println(name + ": " + e);
            }
        }, name);
        t.setDaemon(true);
        return t;
    }
}
