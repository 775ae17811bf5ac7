package org.nnplayground.playground.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.nnplayground.playground.room.RoomStore;

import java.nio.file.Path;

/** The room store on the embedded database: an H2 file under a data directory. */
class H2RoomStoreTest extends RoomStoreContract {
    @TempDir
    static Path dir;
    static RoomStore store;

    private static StoreSettings settings() {
        return new StoreSettings(dir.resolve("data"), null, 90, 10, StoreSettings.DEFAULT_MAX_RUN_BYTES);
    }

    @BeforeAll
    static void open() { store = JdbcRoomStore.open(settings()); }

    @AfterAll
    static void close() { store.close(); }

    @Override
    RoomStore store() { return store; }

    @Override
    RoomStore reopen() { return JdbcRoomStore.open(settings()); }
}
