package org.nnplayground.playground.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nnplayground.playground.session.RunSnapshot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checkpoint contract on the embedded H2, and a database that is down. */
class H2CheckpointsTest extends CheckpointsContract {
    static Path dir;
    static Database db;

    @BeforeAll
    static void open() throws Exception {
        dir = Files.createTempDirectory("checkpoints-h2");
        db = new Database(new StoreSettings(dir, null, 90, 10, StoreSettings.DEFAULT_MAX_RUN_BYTES));
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Override
    Database database() { return db; }

    @Test
    void aDatabaseThatIsDownLosesThoseCheckpointsAndTheStoreGoesOn() {
        Database down = new Database(new StoreSettings(Path.of("unused"), "jdbc:postgresql://127.0.0.1:1/none?connectTimeout=1", 90, 10, 1));
        try (JdbcCheckpoints store = new JdbcCheckpoints(down, 10)) {
            RunSnapshot s = runAt(2);
            String key = key();
            store.save(key, s, false);
            // a limit for a write retried for ever, not a speed: the counts say it failed once
            assertTrue(store.flush(Duration.ofSeconds(60)), "the failed write is done with, not retried forever");
            assertEquals(0, store.written());
            assertEquals(1, store.failed());
            assertThrows(StoreException.class, () -> store.load(key));
            store.save(key, s, false);   // still takes work, and fails it just as plainly
            assertTrue(store.flush(Duration.ofSeconds(60)));
            assertEquals(2, store.failed());
        }
        assertFalse(down.opened());
    }
}
