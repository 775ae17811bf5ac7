package org.nnplayground.playground.store;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every store must do; run against H2 and a real PostgreSQL (no mocks). */
abstract class RunStoreContract {
    abstract RunStore store();

    @Test
    void savedRunsComeBackWhole() {
        byte[] snapshot = new byte[300_000];
        for (int i = 0; i < snapshot.length; i++) snapshot[i] = (byte) (i * 31 + 7);
        String id = RunIds.next();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        store().save(new StoredRun(id, "networkShape=4,2&seed=0.1", 50, now, snapshot));
        StoredRun back = store().open(id).orElseThrow();
        assertEquals("networkShape=4,2&seed=0.1", back.link());
        assertEquals(50, back.epoch());
        assertEquals(now, back.createdAt());
        assertArrayEquals(snapshot, back.snapshot());
    }

    @Test
    void unknownIdsAreEmpty() {
        assertTrue(store().open(RunIds.next()).isEmpty());
    }

    @Test
    void anIdIsSavedOnce() {
        String id = RunIds.next();
        store().save(new StoredRun(id, "a=1", 0, Instant.now(), new byte[] {1}));
        StoreException e = assertThrows(StoreException.class, () -> store().save(new StoredRun(id, "a=1", 0, Instant.now(), new byte[] {1})));
        assertTrue(e.getMessage().startsWith("could not save the run"), e.getMessage());
    }

    @Test
    void retentionDeletesRunsNotOpenedSinceTheCutoff() {
        String old = RunIds.next();
        String fresh = RunIds.next();
        store().save(new StoredRun(old, "a=1", 0, Instant.now().minus(40, ChronoUnit.DAYS), new byte[] {1}));
        store().save(new StoredRun(fresh, "a=1", 0, Instant.now(), new byte[] {2}));
        int deleted = store().deleteNotOpenedSince(Instant.now().minus(30, ChronoUnit.DAYS));
        assertTrue(deleted >= 1);
        assertTrue(store().open(old).isEmpty());
        assertTrue(store().open(fresh).isPresent());
    }

    @Test
    void openingARunKeepsItFromRetention() {
        String id = RunIds.next();
        store().save(new StoredRun(id, "a=1", 0, Instant.now().minus(40, ChronoUnit.DAYS), new byte[] {1}));
        assertTrue(store().open(id).isPresent()); // opened now
        store().deleteNotOpenedSince(Instant.now().minus(30, ChronoUnit.DAYS));
        assertTrue(store().open(id).isPresent());
    }

    @Test
    void idsAreLongRandomAndWellFormed() {
        String a = RunIds.next();
        assertEquals(22, a.length());
        assertTrue(RunIds.isWellFormed(a));
        assertTrue(!a.equals(RunIds.next()));
        assertTrue(!RunIds.isWellFormed("../../etc/passwd"));
    }
}
