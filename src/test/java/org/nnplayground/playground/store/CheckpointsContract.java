package org.nnplayground.playground.store;

import org.junit.jupiter.api.Test;
import org.nnplayground.playground.link.PlaygroundLink;
import org.nnplayground.playground.session.Checkpoints;
import org.nnplayground.playground.session.RunHistory;
import org.nnplayground.playground.session.RunSnapshot;
import org.nnplayground.playground.session.TrainingRun;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every checkpoint database must do (H2 and PostgreSQL run the same tests). */
abstract class CheckpointsContract {
    abstract Database database();

    static RunSnapshot runAt(int epochs) {
        TrainingRun run = TrainingRun.create(PlaygroundLink.parse("dataset=xor&networkShape=4,2&seed=0.3", new SecureRandom()).settings(), null);
        RunHistory history = new RunHistory();
        history.add(run.trainer().lastStats());
        for (int e = 0; e < epochs; e++) history.add(run.trainer().trainEpoch());
        return RunSnapshot.capture(run, history);
    }

    static String key() { return "solo:" + UUID.randomUUID(); }

    @Test
    void aSavedCheckpointIsReadBackAfterAFlushByAnotherStore() {
        String key = key();
        RunSnapshot at7 = runAt(7);
        try (JdbcCheckpoints writer = new JdbcCheckpoints(database(), 100)) {
            writer.save(key, at7, true);
            assertTrue(writer.flush(Duration.ofSeconds(10)));
        }
        // another replica: a store of its own on the same database
        try (JdbcCheckpoints reader = new JdbcCheckpoints(database(), 100)) {
            Checkpoints.Checkpoint cp = reader.load(key).orElseThrow();
            assertEquals(7, cp.snapshot().epoch());
            assertTrue(cp.settled(), "saved where the run stopped training");
            assertArrayEquals(at7.trainer().weights()[0], cp.snapshot().trainer().weights()[0]);
            assertTrue(Math.abs(System.currentTimeMillis() - cp.savedMillis()) < 60_000);
        }
    }

    @Test
    void aNewerSaveReplacesTheOlderOne() {
        String key = key();
        try (JdbcCheckpoints store = new JdbcCheckpoints(database(), 100)) {
            store.save(key, runAt(3), false);
            store.flush();
            store.save(key, runAt(5), false);
            store.flush();
            assertEquals(5, store.load(key).orElseThrow().snapshot().epoch());
            store.delete(key);
            store.flush();
            assertEquals(Optional.empty(), store.load(key));
        }
    }

    @Test
    void aConditionalDeleteSparesANewerCheckpoint() throws Exception {
        String key = key();
        try (JdbcCheckpoints store = new JdbcCheckpoints(database(), 100)) {
            store.save(key, runAt(3), false);
            store.flush();
            long oldSessionSaved = System.currentTimeMillis();
            Thread.sleep(5);
            store.save(key, runAt(4), false);                   // the page resumed elsewhere and saved again
            store.deleteIfSavedBy(key, oldSessionSaved); // its old socket times out: not waiting in memory either
            store.flush();
            assertEquals(4, store.load(key).orElseThrow().snapshot().epoch());
            store.deleteIfSavedBy(key, oldSessionSaved); // now in the database only
            store.flush();
            assertEquals(4, store.load(key).orElseThrow().snapshot().epoch());
            store.deleteIfSavedBy(key, System.currentTimeMillis());
            store.flush();
            assertTrue(store.load(key).isEmpty());
        }
    }

    @Test
    void savesCoalescePerKeyAndLoadSeesTheUnwrittenOne() {
        String a = key(), b = key();
        RunSnapshot[] snapshots = {runAt(1), runAt(2), runAt(3)};
        JdbcCheckpoints store = new JdbcCheckpoints(database(), 100, JdbcCheckpoints.MAX_PENDING_BYTES, false); // writer not started yet
        try {
            for (int i = 0; i < 30; i++) store.save(a, snapshots[i % 3], false);
            for (int i = 0; i < 10; i++) store.save(b, snapshots[0], false);
            assertEquals(2, store.pending());
            assertEquals(3, store.load(a).orElseThrow().snapshot().epoch(), "the newest save, before it is written");
            store.start();
            assertTrue(store.flush(Duration.ofSeconds(10)));
            assertEquals(2, store.written(), "one write per key, not 40");
            assertEquals(3, store.load(a).orElseThrow().snapshot().epoch());
        } finally {
            store.close();
        }
    }

    @Test
    void beyondTheBoundNewKeysAreDroppedNotQueued() {
        JdbcCheckpoints store = new JdbcCheckpoints(database(), 2, JdbcCheckpoints.MAX_PENDING_BYTES, false);
        try {
            RunSnapshot s = runAt(1);
            String a = key(), b = key(), c = key();
            store.save(a, s, false);
            store.save(b, s, false);
            store.save(c, s, false);   // dropped: at most 2 keys wait
            store.save(a, s, false);   // a key already waiting is still replaced
            assertEquals(2, store.pending());
            assertTrue(store.load(c).isEmpty());
        } finally {
            store.close();
        }
    }

    @Test
    void theWaitingCopiesAreBoundedInBytes() {
        RunSnapshot s = runAt(1);
        long one = JdbcCheckpoints.bytes(new JdbcCheckpoints.Op(s, 0));
        JdbcCheckpoints store = new JdbcCheckpoints(database(), 100, 2 * one + one / 2, false);
        try {
            String a = key(), b = key(), c = key();
            store.save(a, s, false);
            store.save(b, s, false);
            store.save(c, s, false);   // a third copy would pass the byte bound: dropped
            store.save(a, s, false);   // replacing one of the same size still goes
            assertEquals(2, store.pending());
            assertEquals(2 * one, store.pendingBytes());
            store.start();
            assertTrue(store.flush(Duration.ofSeconds(10)));
            assertEquals(0, store.pendingBytes());
        } finally {
            store.close();
        }
    }

    @Test
    void oldCheckpointsAreSwept() {
        String key = key();
        try (JdbcCheckpoints store = new JdbcCheckpoints(database(), 100)) {
            store.save(key, runAt(1), false);
            store.flush();
            store.deleteSavedBefore(Instant.now().minus(Duration.ofHours(1)));
            assertTrue(store.load(key).isPresent(), "saved just now: kept");
            assertTrue(store.deleteSavedBefore(Instant.now().plusSeconds(1)) >= 1);
            assertTrue(store.load(key).isEmpty());
        }
    }
}
