package org.nnplayground.playground.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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
    private static final AtomicBoolean attacking = new AtomicBoolean();

    public static void main(String[] args) throws Exception {
        if (args[0].equals("attack")) {
            HostileAttacks.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
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

        // the attack: in this JVM, or in a JVM of its own (ATTACKER_NICE set: at that nice level), as
        // attackers on their own machines would be; the honest students stay here either way
        attacking.set(true);
        HostileAttacks.Run attack = HostileAttacks.start(port, attacks);
        AtomicInteger healthFailures = new AtomicInteger();
        AtomicInteger healthChecks = new AtomicInteger();
        AtomicLong worstTurnMs = new AtomicLong();
        AtomicLong rssMax = new AtomicLong();
        Thread watcher = HostileAttacks.loop("health", () -> {
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
        watcher.start();
        Thread.sleep(3000);
        long cpu0 = LoadBench.cpuTicks(pid);
        long t0 = System.nanoTime();
        double[] underAttack = measure(students, seconds);
        double cpu = (LoadBench.cpuTicks(pid) - cpu0) / 100.0 / ((System.nanoTime() - t0) / 1e9);
        attacking.set(false);
        watcher.join(5000);
        List<String> volume = attack.stop();
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
        volume.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "server CPU under attack: %.2f cores; RSS: %d MiB before, max %d MiB under attack, %d MiB after%n",
                cpu, rssBase / 1024, rssMax.get() / 1024, rssAfter / 1024);
        System.out.printf(Locale.ROOT, "the honest students' client CPU over the run: %.2f cores%n",
                LoadBench.cpuTicks(ProcessHandle.current().pid()) / 100.0 / ((System.nanoTime() - started) / 1e9));
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

}
