package org.nnplayground.playground.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.nnplayground.playground.browser.RoomPageBench;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Class-room benchmark (not a test): N simulated students in one room, all playing C1, measured
 * without a dashboard, with one dashboard open, and without again; then with a dashboard whose
 * projector's class view is off, and on (every student's boundary drawn and sent). Reports the
 * students' frame rate in each phase, how often every card reached the dashboard and the
 * dashboard's bytes/s; with {@code page}, then the teacher's projector page in headless Chromium
 * ({@link RoomPageBench}) while the students play on.
 *
 * Usage: RoomBench PORT SERVER_PID STUDENTS SECONDS [page] (per phase; 3 rounds of without/with).
 * PORT may be a list, {@code 8081,8082}: student i joins and connects through the (i mod n)-th port
 * (replicas behind a balancer, scripts/cluster-bench.sh); the room and the dashboard use the first.
 */
public final class RoomBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ROUNDS = 3;

    /** A student's socket: counts frames (binary messages) and acknowledges each, as the page does. */
    static final class Student implements WebSocket.Listener {
        final AtomicLong frames = new AtomicLong();
        WebSocket socket;

        /** One text message at a time (the JDK's WebSocket allows a single send in progress). */
        synchronized void send(String text) { socket.sendText(text, true).join(); }

        @Override
        public void onOpen(WebSocket ws) { ws.request(Long.MAX_VALUE); }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            if (last) {
                frames.incrementAndGet();
                send("{\"type\":\"ack\"}");
            }
            return null;
        }
    }

    /** The teacher's dashboard socket: bytes, and per card the updates whose epoch moved. */
    static final class Dashboard implements WebSocket.Listener {
        final AtomicLong bytes = new AtomicLong();
        final Map<String, Long> cardUpdates = new HashMap<>();
        final Map<String, Integer> lastEpoch = new HashMap<>();
        final StringBuilder text = new StringBuilder();
        volatile boolean measuring;
        long rosters;

        @Override
        public void onOpen(WebSocket ws) { ws.request(Long.MAX_VALUE); }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (!last) return null;
            String message = text.toString();
            text.setLength(0);
            if (!measuring) return null;
            bytes.addAndGet(message.getBytes(StandardCharsets.UTF_8).length);
            try {
                JsonNode m = JSON.readTree(message);
                if (!m.path("type").asText().equals("roster")) return null;
                synchronized (this) {
                    rosters++;
                    for (JsonNode c : m.get("cards")) {
                        String id = c.get("id").asText();
                        int epoch = c.get("epoch").asInt();
                        Integer before = lastEpoch.put(id, epoch);
                        if (before == null || before != epoch) cardUpdates.merge(id, 1L, Long::sum);
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return null;
        }
    }

    public static void main(String[] args) throws Exception {
        String[] ports = args[0].split(",");
        int port = Integer.parseInt(ports[0]);
        long pid = Long.parseLong(args[1]);
        int n = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + port;
        JsonNode room = post(http, base + "/api/rooms", "{\"exercise\":\"" + LoadBench.C1 + "\"}");
        String code = room.get("code").asText();
        String teacherUrl = room.get("teacherUrl").asText();
        String key = URLDecoder.decode(teacherUrl.substring(teacherUrl.indexOf("#key=") + 5), StandardCharsets.UTF_8);
        URI ws = URI.create("ws://127.0.0.1:" + port + "/ws/room");
        List<Student> students = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String via = "127.0.0.1:" + ports[i % ports.length];
            JsonNode joined = post(http, "http://" + via + "/api/rooms/" + code + "/students", "{\"name\":\"Student " + i + "\"}");
            Student s = new Student();
            s.socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10)).buildAsync(URI.create("ws://" + via + "/ws/room"), s).join();
            s.send("{\"type\":\"resume\",\"token\":\"" + joined.get("token").asText() + "\"}");
            s.send("{\"type\":\"play\"}");
            students.add(s);
        }
        Thread.sleep(3000); // warm-up
        // alternate (without, with) several times: the machine's other load drifts, pairs cancel it
        double withoutSum = 0, withSum = 0, withoutCpu = 0, withCpu = 0;
        Dashboard d = new Dashboard();
        double dashSeconds = 0;
        for (int round = 0; round < ROUNDS; round++) {
            double[] a = phase(students, pid, seconds, "without dashboard");
            withoutSum += a[0];
            withoutCpu += a[1];
            WebSocket teacher = http.newWebSocketBuilder().buildAsync(ws, d).join();
            teacher.sendText("{\"type\":\"teach\",\"code\":\"" + code + "\",\"key\":\"" + key + "\"}", true).join();
            Thread.sleep(1000);
            d.measuring = true;
            long t0 = System.nanoTime();
            double[] b = phase(students, pid, seconds, "with dashboard");
            d.measuring = false;
            dashSeconds += (System.nanoTime() - t0) / 1e9;
            withSum += b[0];
            withCpu += b[1];
            teacher.abort();
            synchronized (d) { d.lastEpoch.clear(); }
            Thread.sleep(500);
        }
        double[] classView = classViewRounds(http, ws, code, key, students, pid, seconds);
        double without = withoutSum / ROUNDS;
        double with = withSum / ROUNDS;
        long[] perCard;
        synchronized (d) {
            perCard = students.isEmpty() ? new long[0] : d.cardUpdates.values().stream().mapToLong(Long::longValue).sorted().toArray();
        }
        System.out.printf(Locale.ROOT, "students %d in one room (C1, playing)%n", n);
        System.out.printf(Locale.ROOT, "students' frames/s (mean of %d rounds): without dashboard %.1f, with %.1f: %+.1f %%%n",
                ROUNDS, without, with, (with / without - 1) * 100);
        System.out.printf(Locale.ROOT, "server CPU per student frame: without %.0f us, with %.0f us: %+.1f %%%n",
                withoutCpu / withoutSum * 1e6, withCpu / withSum * 1e6, ((withCpu / withSum) / (withoutCpu / withoutSum) - 1) * 100);
        System.out.printf(Locale.ROOT, "dashboard: %d cards seen, updates/s per card min %.2f, median %.2f (%d roster messages, %.1f/s)%n",
                perCard.length, perCard.length == 0 ? 0 : perCard[0] / dashSeconds, perCard.length == 0 ? 0 : perCard[perCard.length / 2] / dashSeconds,
                d.rosters, d.rosters / dashSeconds);
        System.out.printf(Locale.ROOT, "dashboard bytes/s: %.0f (%.0f per card update)%n", d.bytes.get() / dashSeconds,
                d.bytes.get() / (double) Math.max(1, Arrays.stream(perCard).sum()));
        System.out.printf(Locale.ROOT, "students' frames/s with a dashboard (mean of %d rounds): class view off %.1f, on %.1f: %+.1f %% "
                + "(goal: at most -3 %%); dashboard bytes/s off %.0f, on %.0f%n", ROUNDS, classView[0], classView[1],
                (classView[1] / classView[0] - 1) * 100, classView[2], classView[3]);
        if (args.length > 4 && args[4].equals("page")) RoomPageBench.measure(teacherUrl, n, seconds);
        for (Student s : students) s.socket.abort();
    }

    /**
     * Rounds of one dashboard with the class view off, then on: {students' frames/s off, on,
     * dashboard bytes/s off, on}. The difference is what drawing and sending every boundary costs.
     */
    private static double[] classViewRounds(HttpClient http, URI ws, String code, String key, List<Student> students, long pid,
                                            int seconds) throws Exception {
        Dashboard d = new Dashboard();
        WebSocket teacher = http.newWebSocketBuilder().buildAsync(ws, d).join();
        teacher.sendText("{\"type\":\"teach\",\"code\":\"" + code + "\",\"key\":\"" + key + "\"}", true).join();
        Thread.sleep(1000);
        double off = 0, on = 0, offBytes = 0, onBytes = 0;
        for (int round = 0; round < ROUNDS; round++) {
            long b0 = d.bytes.get();
            d.measuring = true;
            off += phase(students, pid, seconds, "class view off")[0];
            d.measuring = false;
            offBytes += (d.bytes.get() - b0) / (double) seconds;
            teacher.sendText("{\"type\":\"classView\",\"on\":true}", true).join();
            Thread.sleep(1000);
            b0 = d.bytes.get();
            d.measuring = true;
            on += phase(students, pid, seconds, "class view on")[0];
            d.measuring = false;
            onBytes += (d.bytes.get() - b0) / (double) seconds;
            teacher.sendText("{\"type\":\"classView\",\"on\":false}", true).join();
            Thread.sleep(1000);
        }
        teacher.abort();
        return new double[] {off / ROUNDS, on / ROUNDS, offBytes / ROUNDS, onBytes / ROUNDS};
    }

    /** Measures the students' mean frame rate for {@code seconds}: {frames/s per student, server CPU s per frame x frames/s}. */
    private static double[] phase(List<Student> students, long pid, int seconds, String name) throws Exception {
        long frames0 = students.stream().mapToLong(s -> s.frames.get()).sum();
        long cpu0 = cpuTicks(pid);
        long t0 = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        double elapsed = (System.nanoTime() - t0) / 1e9;
        long frames1 = students.stream().mapToLong(s -> s.frames.get()).sum();
        double fps = (frames1 - frames0) / elapsed / students.size();
        double cores = (cpuTicks(pid) - cpu0) / 100.0 / elapsed;
        System.out.printf(Locale.ROOT, "  %-24s %.1f frames/s per student, server CPU %.2f cores%n", name, fps, cores);
        // CPU per frame = cores / (fps x students); returned as cores / students so sums divide by fps sums
        return new double[] {fps, cores / students.size()};
    }

    private static JsonNode post(HttpClient http, String url, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        return JSON.readTree(r.body());
    }

    private static long cpuTicks(long pid) throws Exception {
        String[] f = Files.readString(Path.of("/proc/" + pid + "/stat")).replaceAll(".*\\) ", "").split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
}
