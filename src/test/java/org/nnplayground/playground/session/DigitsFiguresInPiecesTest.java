package org.nnplayground.playground.session;

import org.junit.jupiter.api.Test;
import org.nnplayground.playground.link.PlaygroundLink;
import org.nnplayground.playground.nn.EpochStats;
import org.nnplayground.playground.nn.MatrixTrainer;
import org.nnplayground.playground.nn.Trainer;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An image run's figures (epoch 0 of a build, a restored run's) are measured a piece at a time in
 * the turns after its build, never in the build's turn: the book's digits network passes no image
 * in the turn that builds it, one piece's samples in each turn after, and the page's first frame
 * carries the same figures a single pass gives. Counts, not times: every turn here has a 1 ns slice.
 */
class DigitsFiguresInPiecesTest {
    private static final String BOOK = "dataset=mnist&networkShape=128,64&activation=relu&dropout=0.2&optimizer=adam"
            + "&batchSize=10&learningRate=0.001&seed=0.25";
    private static final String SMALL = "dataset=mnist&networkShape=16&activation=relu&optimizer=adam&batchSize=50"
            + "&learningRate=0.003&seed=0.5";
    private static final long ONE_NANO = 1;

    private static TrainingRun run(String link) {
        return TrainingRun.create(PlaygroundLink.parse(link, new SecureRandom()).settings(), null);
    }

    /** A page that takes every frame; the turns run on the test's thread. */
    private static final class Page implements SessionListener {
        final List<ByteBuffer> frames = new CopyOnWriteArrayList<>();
        final List<SessionDescription> descriptions = new CopyOnWriteArrayList<>();
        final List<String> errors = new CopyOnWriteArrayList<>();
        @Override public void description(SessionDescription d) { descriptions.add(d); }
        @Override public void frame(ByteBuffer frame) { frames.add(frame); }
        @Override public void status(SessionState state, String message) {}
        @Override public void link(String hash) {}
        @Override public void error(String message, String request) { errors.add(request + ": " + message); }
        @Override public boolean canSendFrame() { return true; }
    }

    @Test
    void theBuildTurnPassesNoImageAndEveryLaterTurnOnePieceUntilTheFirstFrame() {
        Page page = new Page();
        SessionScheduler stopped = new SessionScheduler(1, 60);
        stopped.close(); // its threads run nothing: this test runs every turn itself
        Session session = new Session(page, stopped, 32);
        TurnAccount account = new TurnAccount(session);
        session.load(BOOK);

        assertTrue(session.turn(account, ONE_NANO, 0));
        TrainingRun built = SessionProbe.run(session);
        MatrixTrainer batches = built.trainer().batchTrainer();
        assertNotNull(batches, "the book's network trains in mini-batches");
        assertEquals(1, page.descriptions.size(), "the page learns the run at once");
        assertEquals(0, batches.samplesPassed(), "the build's turn passes no image");
        assertEquals(List.of(), page.frames, "the frame waits for the figures");
        assertTrue(session.wantsTurn(), "the figures still to measure ask for turns");

        int piece = batches.samplesPerPiece();
        int trainSize = built.trainer().trainData().size();
        int testSize = built.trainer().testData().size();
        int expectedTurns = (trainSize + piece - 1) / piece + (testSize + piece - 1) / piece;
        int turns = 0;
        long before = 0;
        while (built.trainer().figuresPending() && turns < 2 * expectedTurns) {
            session.turn(account, ONE_NANO, turns + 1);
            turns++;
            long passed = batches.samplesPassed() - before;
            assertTrue(passed >= 1 && passed <= piece, "turn " + turns + " passed " + passed + " samples, one piece is " + piece);
            before = batches.samplesPassed();
        }
        assertEquals(expectedTurns, turns, "one piece a turn over the training set, then the test set");
        assertEquals(trainSize + testSize, batches.samplesPassed(), "each image once");
        assertEquals(List.of(), page.frames, "the last piece spent the turn's slice");
        session.turn(account, SessionScheduler.MAX_SLICE_NANOS, expectedTurns + 1);
        assertEquals(1, page.frames.size(), "the next turn sends the frame");
        assertEquals(trainSize + testSize, batches.samplesPassed(), "and trains nothing: the run is paused");
        assertEquals(List.of(), page.errors);

        // the same figures as one pass over the same weights
        EpochStats once = run(BOOK).trainer().lastStats();
        EpochStats pieces = built.trainer().lastStats();
        assertEquals(once, pieces);
        ByteBuffer f = page.frames.get(0).duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int at = f.position();
        assertEquals(0, f.getInt(at + 2), "epoch 0");
        assertEquals(once.train().loss(), f.getDouble(at + 6));
        assertEquals(once.test().loss(), f.getDouble(at + 14));
        assertEquals(once.train().accuracy(), f.getDouble(at + 22));
        assertEquals(once.test().accuracy(), f.getDouble(at + 30));
        assertEquals(0, f.getInt(at + 38), "the chart starts at epoch 0");
        assertEquals(1, f.getInt(at + 42), "with epoch 0 once");
        session.close();
    }

    @Test
    void figuresInPiecesAreTheFiguresOfOnePass() {
        Trainer slow = run(BOOK).trainer();
        Trainer atOnce = run(BOOK).trainer();
        MatrixTrainer batches = slow.batchTrainer();
        assertTrue(slow.figuresPending());
        int calls = 0;
        long before = 0;
        while (!slow.measureSlice(0)) { // a deadline long past: one piece a call
            calls++;
            assertTrue(batches.samplesPassed() - before <= batches.samplesPerPiece());
            before = batches.samplesPassed();
        }
        assertFalse(slow.figuresPending());
        assertTrue(calls > 100, "many pieces, not one pass: " + calls);
        EpochStats forced = atOnce.lastStats();
        assertEquals(forced, slow.lastStats());
        assertEquals(forced.train(), atOnce.metrics(atOnce.trainData()), "the figures of the one-pass metrics");
        assertEquals(forced.test(), atOnce.metrics(atOnce.testData()));
    }

    @Test
    void aRestoredImageRunMeasuresItsFiguresLaterAndGetsTheSameOnes() {
        TrainingRun trained = run(SMALL);
        trained.trainer().trainEpoch();
        TrainingRun restored = run(SMALL);
        restored.trainer().lastStats(); // its own epoch 0, measured
        long passed = restored.trainer().batchTrainer().samplesPassed();
        restored.trainer().restore(trained.trainer().state());
        assertTrue(restored.trainer().figuresPending());
        assertEquals(passed, restored.trainer().batchTrainer().samplesPassed(), "restoring passes no image");
        assertEquals(trained.trainer().refreshStats(), restored.trainer().lastStats());
        assertEquals(1, restored.trainer().epoch());
    }
}
