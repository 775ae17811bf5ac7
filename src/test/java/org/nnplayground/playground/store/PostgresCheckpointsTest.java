package org.nnplayground.playground.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The checkpoint contract on a real PostgreSQL (PG_TEST_URL; scripts/test.sh sets it). */
class PostgresCheckpointsTest extends CheckpointsContract {
    static Database db;

    @BeforeAll
    static void open() {
        String url = TestPostgres.url();
        assumeTrue(url != null && !url.isBlank(), "PG_TEST_URL is not set (scripts/test.sh sets it)");
        db = new Database(new StoreSettings(Path.of("unused"), url, 90, 10, StoreSettings.DEFAULT_MAX_RUN_BYTES));
    }

    @AfterAll
    static void close() {
        if (db != null) db.close();
    }

    @Override
    Database database() { return db; }
}
