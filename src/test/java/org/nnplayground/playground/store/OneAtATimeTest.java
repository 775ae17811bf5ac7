package org.nnplayground.playground.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class OneAtATimeTest {
    /** A pool of connections that only count how many are open. */
    private final AtomicInteger open = new AtomicInteger();
    private final DataSource pool = new DataSource() {
        @Override public Connection getConnection() {
            open.incrementAndGet();
            java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (p, m, a) -> {
                if (m.getName().equals("close") && !closed.getAndSet(true)) open.decrementAndGet();
                return m.getReturnType() == boolean.class ? false : null;
            });
        }
        @Override public Connection getConnection(String u, String p) { throw new UnsupportedOperationException(); }
        @Override public PrintWriter getLogWriter() { return null; }
        @Override public void setLogWriter(PrintWriter out) {}
        @Override public void setLoginTimeout(int seconds) {}
        @Override public int getLoginTimeout() { return 0; }
        @Override public Logger getParentLogger() { return null; }
        @Override public <T> T unwrap(Class<T> type) { return null; }
        @Override public boolean isWrapperFor(Class<?> type) { return false; }
    };

    @Test
    void anotherThreadWaitsUntilTheConnectionIsClosedAndTheSameThreadNests() throws Exception {
        OneAtATime db = new OneAtATime(pool, 60_000);
        Connection first = db.getConnection();
        Connection nested = db.getConnection(); // the same thread: no wait on itself
        CountDownLatch asked = new CountDownLatch(1);
        CompletableFuture<Connection> other = CompletableFuture.supplyAsync(() -> {
            asked.countDown();
            try {
                return db.getConnection();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        asked.await();
        nested.close();
        Thread.sleep(200); // a wrong lock would let it through by now
        assertFalse(other.isDone(), "another thread waits while this one holds a connection");
        assertEquals(1, open.get(), "its own first connection");
        first.close();
        first.close(); // a second close gives nothing back twice
        Connection theirs = other.get(60, TimeUnit.SECONDS);
        assertTrue(db.busy());
        theirs.close(); // by another thread than the one that took it (a pool closing what it lent)
        assertFalse(db.busy());
        assertEquals(0, open.get());
    }

    @Test
    void aTurnNotFreedInTimeIsAPlainRefusal() throws Exception {
        OneAtATime db = new OneAtATime(pool, 50);
        try (Connection held = db.getConnection()) {
            SQLException refused = CompletableFuture.supplyAsync(() -> assertThrows(SQLTransientConnectionException.class, db::getConnection)).get(60, TimeUnit.SECONDS);
            assertTrue(refused.getMessage().startsWith("the embedded database was busy"), refused.getMessage());
        }
    }
}
