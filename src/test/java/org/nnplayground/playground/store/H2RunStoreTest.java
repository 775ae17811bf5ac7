package org.nnplayground.playground.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The embedded store: an H2 file under a data directory. */
class H2RunStoreTest extends RunStoreContract {
    @TempDir
    static Path dir;
    static RunStore store;

    @BeforeAll
    static void open() {
        store = JdbcRunStore.open(new StoreSettings(dir.resolve("data"), null, 90, 10, StoreSettings.DEFAULT_MAX_RUN_BYTES));
    }

    @AfterAll
    static void close() { store.close(); }

    @Override
    RunStore store() { return store; }

    @Test
    void theDatabaseLivesInTheDataDirectoryAndSurvivesReopening() {
        String id = RunIds.next();
        store.save(new StoredRun(id, "a=1", 3, Instant.now(), new byte[] {9}));
        assertTrue(Files.exists(dir.resolve("data").resolve("playground.mv.db")));
        try (RunStore again = JdbcRunStore.open(new StoreSettings(dir.resolve("data2"), null, 90, 10, StoreSettings.DEFAULT_MAX_RUN_BYTES))) {
            assertTrue(again.open(id).isEmpty()); // another directory, another database
        }
    }
}
