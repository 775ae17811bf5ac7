package org.nnplayground.playground.bench;

import org.nnplayground.playground.room.RoomEvent;
import org.nnplayground.playground.store.Database;
import org.nnplayground.playground.store.PgRoomEvents;
import org.nnplayground.playground.store.StoreSettings;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Room events between two replicas over PostgreSQL LISTEN/NOTIFY (not a test): (1) how long a
 * teacher's action takes from one replica to the other; (2) what a replica's card summaries cost
 * for N students (one thumbnail each) twice a second with every card every 3 s, as the room ticker
 * sends them: notifications and bytes a second, delivery, and the CPU of this process (both
 * "replicas" live in it).
 *
 * Usage: RoomEventsBench JDBC_URL STUDENTS SECONDS
 */
public final class RoomEventsBench {
    public static void main(String[] args) throws Exception {
        String url = args[0];
        int students = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        Database db = new Database(new StoreSettings(Path.of("unused"), url, 90, 10, StoreSettings.DEFAULT_MAX_RUN_BYTES));
        db.pool();
        try (PgRoomEvents a = new PgRoomEvents(db, "bench-a"); PgRoomEvents b = new PgRoomEvents(db, "bench-b")) {
            while (!a.listening() || !b.listening()) Thread.sleep(20);
            latency(a, b);
            summaries(a, b, students, seconds);
        } finally {
            db.close();
        }
    }

    private static void latency(PgRoomEvents a, PgRoomEvents b) throws InterruptedException {
        BlockingQueue<Long> got = new LinkedBlockingQueue<>();
        b.subscribe("LATNCY", e -> got.add(System.nanoTime()));
        double[] ms = new double[300];
        for (int i = 0; i < ms.length; i++) {
            long sent = System.nanoTime();
            a.publish("LATNCY", new RoomEvent.PauseAll());
            Long at = got.poll(5, TimeUnit.SECONDS);
            if (at == null) throw new IllegalStateException("an event did not arrive within 5 s");
            ms[i] = (at - sent) / 1e6;
            Thread.sleep(5);
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "teacher action, replica to replica: median %.2f ms, p99 %.2f ms, max %.2f ms (%d events)%n",
                ms[ms.length / 2], ms[(int) (ms.length * 0.99)], ms[ms.length - 1], ms.length);
    }

    private static void summaries(PgRoomEvents a, PgRoomEvents b, int students, int seconds) throws InterruptedException {
        AtomicLong cards = new AtomicLong();
        AtomicLong chunks = new AtomicLong();
        b.subscribe("CARDSB", e -> {
            if (e instanceof RoomEvent.Cards c) {
                cards.addAndGet(c.cards().size());
                chunks.incrementAndGet();
            }
        });
        String link = "activation=tanh&batchSize=10&dataset=xor&regDataset=reg-plane&learningRate=0.03&regularizationRate=0&noise=0"
                + "&networkShape=3&seed=0.5&showTestData=false&discretize=false&percTrainData=50&x=true&y=true&xTimesY=false&xSquared=false"
                + "&ySquared=false&cosX=false&sinX=false&cosY=false&sinY=false&collectStats=false&problem=classification&initZero=false&hideText=false";
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        long sent = 0;
        int ticks = seconds * 2;
        for (int tick = 0; tick < ticks; tick++) {
            boolean all = tick % 6 == 0;  // every 3 s: every card, with its link
            List<RoomEvent.RemoteCard> batch = new ArrayList<>();
            for (int i = 0; i < students; i++) {
                byte[] thumbs = new byte[100];
                Arrays.fill(thumbs, (byte) (tick + i));
                batch.add(new RoomEvent.RemoteCard("student" + i, tick * 10, 0.3, 0.31, 0.9, 0.88, "classification", "playing", 13,
                        System.currentTimeMillis(), thumbs, 1, 0.3, 13, tick * 10, System.currentTimeMillis(), all ? link : null));
            }
            a.publish("CARDSB", new RoomEvent.Cards("bench-a", batch));
            sent += batch.size();
            long next = t0 + (tick + 1) * 500_000_000L;
            long wait = next - System.nanoTime();
            if (wait > 0) Thread.sleep(wait / 1_000_000);
        }
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (cards.get() < sent && System.nanoTime() < deadline) Thread.sleep(10);
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        System.out.printf(Locale.ROOT, "%d students' cards twice a second for %d s: %d of %d cards delivered in %d notifications "
                        + "(%.1f notifications/s), process CPU %.3f cores for both replicas%n",
                students, seconds, cards.get(), sent, chunks.get(), chunks.get() / wall, cpu / wall);
    }
}
