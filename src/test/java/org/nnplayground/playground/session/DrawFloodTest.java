package org.nnplayground.playground.session;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A flood of drawn points costs a rebuild (and at most a checkpoint) a turn, not one a point, and keeps every point. */
class DrawFloodTest {
    private static final String C1 = "activation=tanh&batchSize=10&dataset=circle&learningRate=0.03&networkShape=4,2&seed=0.12345&percTrainData=50";

    @Test
    void pointsSentDuringOneTurnAreAppliedTogetherInTheNextOne() throws Exception {
        CountDownLatch loaded = new CountDownLatch(1);
        CountDownLatch firstDrawing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch allDrawn = new CountDownLatch(1);
        List<SessionDescription> drawings = new CopyOnWriteArrayList<>();
        List<String> errors = new CopyOnWriteArrayList<>();
        SessionListener listener = new SessionListener() {
            @Override public void description(SessionDescription d) {
                if (d.train().size() > 1 && drawings.isEmpty()) {
                    loaded.countDown();
                    return;
                }
                drawings.add(d);
                if (d.train().size() == 500) allDrawn.countDown();
                if (d.train().size() == 1) {
                    // the first point's rebuild holds its turn while the other 499 arrive
                    firstDrawing.countDown();
                    await(release);
                }
            }
            @Override public void frame(ByteBuffer frame) {}
            @Override public void status(SessionState state, String message) {}
            @Override public void link(String hash) {}
            @Override public void error(String message, String request) { errors.add(request + ": " + message); }
            @Override public boolean canSendFrame() { return true; }
        };
        List<String> saves = new CopyOnWriteArrayList<>();
        Checkpoints store = new Checkpoints() {
            @Override public void save(String key, RunSnapshot snapshot, boolean settled) { saves.add(key); }
            @Override public void flush() {}
            @Override public Optional<Checkpoint> load(String key) { return Optional.empty(); }
            @Override public void delete(String key) {}
        };
        try (SessionScheduler scheduler = new SessionScheduler(2, 60)) {
            Session session = new Session(listener, scheduler, 32);
            session.checkpointTo(new CheckpointSchedule(store, "solo:test", Duration.ofHours(1)));
            session.load(C1);
            await(loaded);
            List<double[]> sent = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                double[] p = {-5.9 + 11.8 * (i % 25) / 24, -5.9 + 11.8 * (i / 25) / 19, i % 2 == 0 ? 1 : -1};
                sent.add(p);
                session.drawPoint(p[0], p[1], p[2]);
                if (i == 0) await(firstDrawing);
            }
            release.countDown();
            await(allDrawn);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (saves.isEmpty() && System.nanoTime() < deadline) Thread.sleep(5); // the drawing plays: its first epoch is checkpointed
            session.close();

            assertEquals(List.of(), errors);
            assertEquals(2, drawings.size(), "one rebuild for the first point's turn, one for the 499 sent meanwhile");
            assertEquals(3, session.builds(), "the load and the two drawings");
            List<double[]> kept = drawings.get(1).train();
            for (int i = 0; i < sent.size(); i++) assertArrayEquals(sent.get(i), kept.get(i), 1e-12, "point " + i);
            // none for the untrained load; one once the drawing trained; a drawing rebuilt again is a
            // change, written at most every 12 min here
            assertEquals(1, saves.size(), "checkpoints written");
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(60, TimeUnit.SECONDS), "waited 60 s");
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
