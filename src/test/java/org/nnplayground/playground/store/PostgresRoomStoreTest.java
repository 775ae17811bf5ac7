package org.nnplayground.playground.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.nnplayground.playground.room.RoomStore;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The room store's contract on a real PostgreSQL. scripts/test.sh starts one and sets PG_TEST_URL,
 * so under the project's test command this always runs; a bare {@code mvn test} without it skips.
 */
class PostgresRoomStoreTest extends RoomStoreContract {
    static RoomStore store;

    private static StoreSettings settings() {
        return new StoreSettings(Path.of("unused"), TestPostgres.url(), 90, 10, StoreSettings.DEFAULT_MAX_RUN_BYTES);
    }

    @BeforeAll
    static void open() {
        String url = TestPostgres.url();
        assumeTrue(url != null && !url.isBlank(), "PG_TEST_URL is not set (scripts/test.sh sets it)");
        store = JdbcRoomStore.open(settings());
    }

    @AfterAll
    static void close() {
        if (store != null) store.close();
    }

    @Override
    RoomStore store() { return store; }

    @Override
    RoomStore reopen() { return JdbcRoomStore.open(settings()); }
}
