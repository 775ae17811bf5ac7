package org.nnplayground.playground.session;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A flood of drawn points costs one request a turn, not one a point: the first point makes the
 * drawing's run, and the others change its data in place (no new network, no epoch 0, no
 * checkpoint a batch), so drawers take no more turns than players do.
 */
class DrawFloodTest {
    private static final String C1 = "activation=tanh&batchSize=10&dataset=circle&learningRate=0.03&networkShape=4,2&seed=0.12345&percTrainData=50";

    @Test
    void pointsSentDuringOneTurnAreAppliedTogetherInPlace() throws Exception {
        CountDownLatch loaded = new CountDownLatch(1);
        CountDownLatch firstDrawing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch allDrawn = new CountDownLatch(1);
        List<SessionDescription> drawings = new CopyOnWriteArrayList<>();
        List<List<double[]>> pointMessages = new CopyOnWriteArrayList<>();
        List<String> errors = new CopyOnWriteArrayList<>();
        SessionListener listener = new SessionListener() {
            @Override public void description(SessionDescription d) {
                if (d.train().size() > 1 && drawings.isEmpty()) {
                    loaded.countDown();
                    return;
                }
                drawings.add(d);
                if (d.train().size() == 1) {
                    // the first point's turn is held while the other 499 (and 3 refused ones) arrive
                    firstDrawing.countDown();
                    await(release);
                }
            }
            @Override public void points(List<double[]> train, List<double[]> test) {
                pointMessages.add(train);
                if (train.size() == 500) allDrawn.countDown();
            }
            @Override public void frame(ByteBuffer frame) {}
            @Override public void status(SessionState state, String message) {}
            @Override public void link(String hash) {}
            @Override public void error(String message, String request) { errors.add(request + ": " + message); }
            @Override public boolean canSendFrame() { return true; }
        };
        List<String> saves = new CopyOnWriteArrayList<>();
        try (SessionScheduler scheduler = new SessionScheduler(2, 60)) {
            Session session = new Session(listener, scheduler, 32);
            session.checkpointTo(new CheckpointSchedule(countingStore(saves), "solo:test", Duration.ofHours(1)));
            session.load(C1);
            await(loaded);
            List<double[]> sent = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                double[] p = {-5.9 + 11.8 * (i % 25) / 24, -5.9 + 11.8 * (i / 25) / 19, i % 2 == 0 ? 1 : -1};
                sent.add(p);
                session.drawPoint(p[0], p[1], p[2]);
                if (i == 0) {
                    await(firstDrawing);
                    session.drawPoint(9, 0, 1); // refused: off the map, in the same batch as the others
                }
            }
            for (int i = 0; i < 2; i++) session.drawPoint(1, 1, 1); // refused: past the 500 points
            Object trainer = SessionProbe.trainer(session);
            release.countDown();
            await(allDrawn);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while ((saves.isEmpty() || SessionProbe.epochs(session) < 3) && System.nanoTime() < deadline) Thread.sleep(5);
            assertTrue(SessionProbe.epochs(session) >= 3, "the drawing trains");
            assertSame(trainer, SessionProbe.trainer(session), "the first point's network and trainer go on with the other points");
            session.close();

            assertEquals(List.of("drawPoint: a drawn point's x must be in -6..6", "drawPoint: at most 500 drawn points (2 points refused)"), errors,
                    "one error per reason and batch");
            assertEquals(1, drawings.size(), "one new run, for the first point");
            assertEquals(2, session.builds(), "the load and the first point's run");
            assertEquals(1, pointMessages.size(), "the 499 points came in one turn");
            List<double[]> kept = pointMessages.get(0);
            for (int i = 0; i < sent.size(); i++) assertArrayEquals(sent.get(i), kept.get(i), 1e-12, "point " + i);
            // none for the untrained runs; one once the drawing trained; the points changed before it
            assertEquals(1, saves.size(), "checkpoints written");
        }
    }

    /**
     * Players and drawers on two trainer threads: each drawer floods its 500 points (and more,
     * refused) from a socket thread of its own while playing. Every drawer's run is built twice
     * (its load and its first point), whatever the number of batches, and the players keep getting
     * frames throughout.
     */
    @Test
    void aDrawFloodBuildsNoRunsAndLeavesPlayersTheirFrames() throws Exception {
        int players = 20, drawers = 10;
        ExecutorService network = Executors.newSingleThreadExecutor();
        ExecutorService sockets = Executors.newFixedThreadPool(drawers);
        try (SessionScheduler scheduler = new SessionScheduler(2, 60)) {
            List<EveryPlayerFramesTest.Page> pages = new ArrayList<>();
            for (int i = 0; i < players; i++) {
                EveryPlayerFramesTest.Page p = new EveryPlayerFramesTest.Page(network);
                p.session = new Session(p, scheduler, 32);
                pages.add(p);
                p.session.load(C1);
                p.session.play();
            }
            List<Drawer> drawing = new ArrayList<>();
            for (int i = 0; i < drawers; i++) {
                Drawer d = new Drawer(network);
                d.session = new Session(d, scheduler, 32);
                d.session.load(C1);
                d.session.play();
                drawing.add(d);
            }
            List<EveryPlayerFramesTest.Page> everyone = new ArrayList<>(pages);
            everyone.addAll(drawing);
            assertEquals(List.of(), EveryPlayerFramesTest.starved(everyone, new int[players + drawers], 60), "sessions with fewer than 5 frames before the flood");
            int[] before = pages.stream().mapToInt(p -> p.frames.get()).toArray();
            for (Drawer d : drawing) {
                sockets.execute(() -> {
                    try {
                        java.util.Random random = new java.util.Random(d.hashCode());
                        // 500 points and 100 refused ones in bursts of 5, over many turns
                        for (int i = 0; i < 600 && !Thread.currentThread().isInterrupted(); i++) {
                            d.session.drawPoint(random.nextDouble() * 12 - 6, random.nextDouble() * 12 - 6, random.nextBoolean() ? 1 : -1);
                            if (i % 5 == 4) sleep(1);
                        }
                    } catch (RuntimeException e) {
                        d.errors.add("the drawing thread: " + e);
                    }
                });
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (drawing.stream().anyMatch(d -> d.drawn.get() < 500) && System.nanoTime() < deadline) Thread.sleep(10);
            for (Drawer d : drawing) assertEquals(500, d.drawn.get(), "a drawer's points all came through; errors: " + d.errors);
            assertEquals(List.of(), EveryPlayerFramesTest.starved(pages, before, 60), "players with fewer than 5 more frames during the flood");
            for (Drawer d : drawing) {
                assertEquals(2, d.session.builds(), "a drawer's runs: its load and its first point, however many batches");
                assertTrue(d.frames.get() > 0, "a drawer plays too");
            }
            for (EveryPlayerFramesTest.Page p : pages) assertEquals(List.of(), p.errors);
        } finally {
            sockets.shutdownNow();
            network.shutdownNow();
        }
    }

    /** A drawer's page: the points its drawing holds as the server last said, and its frames (acknowledged like a page's). */
    private static final class Drawer extends EveryPlayerFramesTest.Page {
        final AtomicInteger drawn = new AtomicInteger();

        Drawer(ExecutorService network) { super(network); }

        @Override public void description(SessionDescription d) { if (d.link().contains("data=local")) drawn.set(d.train().size()); } // not the load's circle
        @Override public void points(List<double[]> train, List<double[]> test) { drawn.set(train.size()); }
        @Override public void error(String message, String request) {
            if (!message.startsWith("at most " + DrawnData.MAX_POINTS)) super.error(message, request); // past 500 points: refused, as it should be
        }
    }

    private static Checkpoints countingStore(List<String> saves) {
        return new Checkpoints() {
            @Override public void save(String key, RunSnapshot snapshot, boolean settled) { saves.add(key); }
            @Override public void flush() {}
            @Override public Optional<Checkpoint> load(String key) { return Optional.empty(); }
            @Override public void delete(String key) {}
        };
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
