package org.nnplayground.playground.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The same contract on a real PostgreSQL. scripts/test.sh starts one and sets PG_TEST_URL, so
 * under the project's test command this always runs; a bare {@code mvn test} without it skips.
 */
class PostgresRunStoreTest extends RunStoreContract {
    static RunStore store;

    @BeforeAll
    static void open() {
        String url = TestPostgres.url();
        assumeTrue(url != null && !url.isBlank(), "PG_TEST_URL is not set (scripts/test.sh sets it)");
        store = JdbcRunStore.open(new StoreSettings(Path.of("unused"), url, 90, 10, StoreSettings.DEFAULT_MAX_RUN_BYTES));
    }

    @AfterAll
    static void close() {
        if (store != null) store.close();
    }

    @Override
    RunStore store() { return store; }

    @Test
    void migrationsRunTwiceWithoutHarm() {
        try (RunStore again = JdbcRunStore.open(new StoreSettings(Path.of("unused"), TestPostgres.url(), 90, 10, 1))) {
            assertTrue(again.open(RunIds.next()).isEmpty());
        }
    }

    @Test
    void aDatabaseThatIsDownAnswersAPlainError() {
        // a closed loopback port: nothing listens there
        try (RunStore down = JdbcRunStore.open(new StoreSettings(Path.of("unused"), "jdbc:postgresql://127.0.0.1:1/none?connectTimeout=1", 90, 10, 1))) {
            throw new AssertionError("opened a database that does not exist");
        } catch (StoreException e) {
            assertTrue(e.getMessage().contains("cannot prepare the database"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> new StoreSettings(Path.of("x"), "mysql://h/db", 1, 1, 1).jdbc());
    }
}
