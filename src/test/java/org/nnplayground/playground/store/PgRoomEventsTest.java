package org.nnplayground.playground.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nnplayground.playground.room.RoomEvent;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Room events between two "servers" over a real PostgreSQL (PG_TEST_URL): delivery, no echo, and reconnecting. */
class PgRoomEventsTest {
    private static Database database;

    @BeforeAll
    static void open() {
        String url = TestPostgres.url();
        assumeTrue(url != null && !url.isBlank(), "PG_TEST_URL is not set (scripts/test.sh sets it)");
        database = new Database(new StoreSettings(Path.of("unused"), url, 90, 10, StoreSettings.DEFAULT_MAX_RUN_BYTES));
        database.pool(); // migrated before the clocks below start
    }

    @AfterAll
    static void close() {
        if (database != null) database.close();
    }

    private static void awaitListening(PgRoomEvents e) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (!e.listening() && System.currentTimeMillis() < deadline) Thread.sleep(20);
        assertTrue(e.listening(), "listening");
    }

    @Test
    void anEventReachesTheOtherServerOnceAndTheSenderAtOnce() throws Exception {
        String code = "T" + Long.toString(System.nanoTime() % 100_000, 36).toUpperCase();
        try (PgRoomEvents a = new PgRoomEvents(database, "a"); PgRoomEvents b = new PgRoomEvents(database, "b")) {
            awaitListening(a);
            awaitListening(b);
            List<RoomEvent> atA = new CopyOnWriteArrayList<>();
            BlockingQueue<RoomEvent> atB = new LinkedBlockingQueue<>();
            a.subscribe(code, atA::add);
            b.subscribe(code, atB::add);
            b.subscribe("OTHER1", e -> atB.add(new RoomEvent.Notice("wrong room")));
            a.publish(code, new RoomEvent.Notice("hello"));
            assertEquals(List.of(new RoomEvent.Notice("hello")), atA, "the sender's own subscribers at once");
            assertEquals(new RoomEvent.Notice("hello"), atB.poll(10, TimeUnit.SECONDS));
            a.publish(code, new RoomEvent.PauseAll());
            assertEquals(new RoomEvent.PauseAll(), atB.poll(10, TimeUnit.SECONDS), "in order");
            Thread.sleep(300);
            assertEquals(2, atA.size(), "a server ignores its own notifications");
            assertTrue(atB.isEmpty(), "nothing for another room");
        }
    }

    @Test
    void aLostListenConnectionComesBackAndRoomsCatchUp() throws Exception {
        String code = "R" + Long.toString(System.nanoTime() % 100_000, 36).toUpperCase();
        try (PgRoomEvents a = new PgRoomEvents(database, "a2"); PgRoomEvents b = new PgRoomEvents(database, "b2")) {
            awaitListening(b);
            CountDownLatch caughtUp = new CountDownLatch(1);
            b.onReconnect(caughtUp::countDown);
            BlockingQueue<RoomEvent> atB = new LinkedBlockingQueue<>();
            b.subscribe(code, atB::add);
            // the database drops every listening connection (a restart, a network cut)
            try (Connection con = database.pool().getConnection(); Statement st = con.createStatement()) {
                st.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN " + PgRoomEvents.CHANNEL + "%'");
            }
            assertTrue(caughtUp.await(60, TimeUnit.SECONDS), "reconnected, and the rooms were told to catch up");
            awaitListening(a);
            a.publish(code, new RoomEvent.ResetAll());
            assertEquals(new RoomEvent.ResetAll(), atB.poll(10, TimeUnit.SECONDS), "events flow again");
        }
    }
}
