package org.nnplayground.playground.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * A tick that finds a playing session waiting for its client's acknowledgements is served when the
 * acknowledgement comes, not a tick later; and it still gets at most one frame per tick. The
 * scheduler here ticks only when the test says so, so every count is exact.
 */
class MissedTickTest {
    private static final String C1 = "activation=tanh&batchSize=10&dataset=circle&learningRate=0.03&networkShape=4,2&seed=0.12345&percTrainData=50";

    /** A page that acknowledges only when told to, with web.Connection's bound of 3 frames unacknowledged. */
    static final class Page implements SessionListener {
        final AtomicInteger unacked = new AtomicInteger();
        final AtomicInteger frames = new AtomicInteger();
        volatile Session session;

        @Override public void description(SessionDescription d) {}
        @Override public void frame(ByteBuffer frame) {
            unacked.incrementAndGet();
            frames.incrementAndGet();
        }
        @Override public void status(SessionState state, String message) {}
        @Override public void link(String hash) {}
        @Override public void error(String message, String request) {}
        @Override public boolean canSendFrame() { return unacked.get() < 3; }

        void ack(int n) {
            unacked.updateAndGet(u -> Math.max(0, u - n));
            session.frameSent();
        }
    }

    @Test
    void anAcknowledgementAfterAMissedTickWakesThePlayerOnce() throws Exception {
        try (SessionScheduler scheduler = new SessionScheduler(1, 60, false)) {
            Page page = new Page();
            page.session = new Session(page, scheduler, 16);
            page.session.load(C1);
            page.session.play();
            waitUntil(() -> page.session.state() == SessionState.PLAYING && scheduler.playingCount() == 1, "playing");
            waitUntil(() -> scheduler.turnsRunningOrQueued(page.session) == 0, "the requests' turns done");
            // three ticks, three frames (a frame needs its epoch: the first turn may only train it)
            for (int ticks = 0; page.frames.get() < 3 && ticks < 10; ticks++) {
                scheduler.tick();
                waitUntil(() -> scheduler.turnsRunningOrQueued(page.session) == 0, "the tick's turn done");
            }
            assertEquals(3, page.frames.get());
            assertEquals(3, page.unacked.get());

            // two ticks while 3 frames wait: no turn
            scheduler.tick();
            scheduler.tick();
            assertEquals(0, scheduler.turnsRunningOrQueued(page.session));
            assertEquals(3, page.frames.get());

            // the acknowledgement serves the missed ticks at once: one turn, not one a missed tick. The
            // turn that sent the third frame trained nothing (3 unacknowledged), so this one trains the
            // next frame's epoch and sends it, unless the machine stretched the turn past its slice:
            // then the frame waits for the next tick
            int epochs = SessionProbe.epochs(page.session);
            page.ack(2);
            waitUntil(() -> SessionProbe.epochs(page.session) > epochs, "a turn after the acknowledgement, without a tick");
            waitUntil(() -> scheduler.turnsRunningOrQueued(page.session) == 0, "its turn done");
            assertEquals(epochs + 1, SessionProbe.epochs(page.session));
            int frames = page.frames.get();
            assertTrue(frames == 3 || frames == 4, frames + " frames");

            // an acknowledgement with no missed tick wakes nothing: frames stay paced by the ticks
            page.ack(2);
            assertEquals(0, scheduler.turnsRunningOrQueued(page.session));
            assertEquals(epochs + 1, SessionProbe.epochs(page.session));
            assertEquals(frames, page.frames.get());
            // the next ticks bring the next frame (a stretched turn may leave it to the tick after)
            for (int ticks = 0; page.frames.get() == frames && ticks < 10; ticks++) {
                scheduler.tick();
                waitUntil(() -> scheduler.turnsRunningOrQueued(page.session) == 0, "the tick's turn done");
            }
            assertEquals(frames + 1, page.frames.get());
        }
    }

    private static void waitUntil(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "waited 30 s for: " + what);
            Thread.sleep(2);
        }
    }
}
