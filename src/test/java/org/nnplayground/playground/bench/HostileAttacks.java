package org.nnplayground.playground.bench;

import org.nnplayground.playground.data.WideCsv;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The hostile class's attackers (see {@link HostileBench}): started in the bench's JVM, or in a JVM
 * of their own at a lower priority ({@code ATTACKER_NICE}), as attackers on their own machines
 * would be: then their own CPU (60 sockets' clients, 1.6 MB request bodies) does not compete
 * with the honest students' client for this host's 2 cores, while what they send is the same.
 */
final class HostileAttacks {
    static final String HEAVY = "networkShape=200,200&batchSize=1&percTrainData=90&seed=0.1";
    private static final AtomicBoolean attacking = new AtomicBoolean();

    private HostileAttacks() {}

    /** An attack under way; {@link #stop} ends it and says what it sent. */
    interface Run { List<String> stop() throws Exception; }

    /** Starts {@code attacks} on the server at {@code port}: in this JVM, or (ATTACKER_NICE set) in a JVM of its own at that nice level. */
    static Run start(int port, Set<String> attacks) throws Exception {
        String nice = System.getenv("ATTACKER_NICE");
        if (nice == null || nice.isBlank()) return inThisJvm(port, attacks);
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder("nice", "-n", nice, java, "-cp", System.getProperty("java.class.path"),
                HostileBench.class.getName(), "attack", Integer.toString(port), String.join(",", attacks))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        return () -> {
            p.getOutputStream().close(); // the attacker's signal to stop
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            List<String> lines = new ArrayList<>(out.lines().toList());
            lines.add("the attackers ran in a JVM of their own at nice " + nice.trim());
            return lines;
        };
    }

    /** The attacker JVM: attacks until its standard input closes, then prints what it sent and its own CPU. */
    static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        Run run = inThisJvm(Integer.parseInt(args[0]), Set.of(args[1].split(",")));
        System.in.readAllBytes();
        run.stop().forEach(System.out::println);
        System.out.printf(Locale.ROOT, "the attackers' own CPU: %.2f cores%n",
                LoadBench.cpuTicks(ProcessHandle.current().pid()) / 100.0 / ((System.nanoTime() - started) / 1e9));
        System.out.flush();
        System.exit(0);
    }

    private static Run inThisJvm(int port, Set<String> attacks) throws Exception {
        URI ws = URI.create("ws://127.0.0.1:" + port + "/ws");
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
        attackers.forEach(Thread::start);
        return () -> {
            attacking.set(false);
            for (Thread t : attackers) t.join(5000);
            synchronized (attackSockets) { attackSockets.forEach(WebSocket::abort); }
            List<String> volume = new ArrayList<>();
            if (attacks.contains("upload")) volume.add(String.format(Locale.ROOT, "upload flood (2 loops, 1.6 MB each): %d accepted, %d refused with an answer, %d cut off by the server's close",
                    uploads[0], uploads[1], uploads[2]));
            if (attacks.contains("draw") || attacks.contains("drawing")) volume.add(String.format(Locale.ROOT, "drawPoint: %d points sent by 30 sockets", drawn.get()));
            volume.add(String.format(Locale.ROOT, "attack volume: %d uploads of a 1.6 MB CSV tried, %d connect/load/close cycles", csvSent.get(), churned.get()));
            return volume;
        };
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

    static Thread loop(String name, Body body) {
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
