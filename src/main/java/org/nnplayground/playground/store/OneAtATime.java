package org.nnplayground.playground.store;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The embedded H2 database's connections, to one thread at a time: a connection is taken under a
 * turn that its close gives back (a thread may hold several: nested use never waits on itself).
 * H2 (2.5) loses commits it had synced when two connections write at once and the process is
 * killed: in a loop of SIGKILLs during saves from 4 threads, each save followed by CHECKPOINT SYNC,
 * 6 of 997 synced rows were gone after restart (40 rounds, plain JDBC); with one writer at a time,
 * 0 of 665 (60 rounds). The server's saves are few, and its checkpoints come from one thread, so
 * waiting costs little; PostgreSQL's commits are durable and keep their pool as it is.
 */
final class OneAtATime implements DataSource {
    private final DataSource pool;
    private final long timeoutMillis;
    /** The thread whose turn it is (null: nobody's) and how many connections it holds. */
    private Thread owner;
    private int held;

    OneAtATime(DataSource pool, long timeoutMillis) {
        this.pool = pool;
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public Connection getConnection() throws SQLException {
        takeTurn();
        try {
            return givingBackTheTurn(pool.getConnection());
        } catch (SQLException | RuntimeException e) {
            giveBack();
            throw e;
        }
    }

    private synchronized void takeTurn() throws SQLException {
        Thread me = Thread.currentThread();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (owner != null && owner != me) {
            long left = deadline - System.nanoTime();
            if (left <= 0) throw new SQLTransientConnectionException("the embedded database was busy for " + timeoutMillis / 1000 + " s");
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLTransientConnectionException("interrupted while waiting for the embedded database", e);
            }
        }
        owner = me;
        held++;
    }

    /** One connection given back, by whichever thread closes it; the last one ends the turn. */
    private synchronized void giveBack() {
        if (--held > 0) return;
        owner = null;
        notifyAll();
    }

    /** True while some thread holds a connection (tests). */
    synchronized boolean busy() { return owner != null; }

    /** {@code c}, whose first close also gives its part of the turn back. */
    private Connection givingBackTheTurn(Connection c) {
        AtomicBoolean open = new AtomicBoolean(true);
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
            boolean closing = method.getName().equals("close") && method.getParameterCount() == 0;
            try {
                return method.invoke(c, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            } finally {
                if (closing && open.getAndSet(false)) giveBack();
            }
        });
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the embedded database has one user");
    }

    @Override public PrintWriter getLogWriter() throws SQLException { return pool.getLogWriter(); }
    @Override public void setLogWriter(PrintWriter out) throws SQLException { pool.setLogWriter(out); }
    @Override public void setLoginTimeout(int seconds) throws SQLException { pool.setLoginTimeout(seconds); }
    @Override public int getLoginTimeout() throws SQLException { return pool.getLoginTimeout(); }
    @Override public Logger getParentLogger() throws SQLFeatureNotSupportedException { return pool.getParentLogger(); }
    @Override public <T> T unwrap(Class<T> type) throws SQLException { return pool.unwrap(type); }
    @Override public boolean isWrapperFor(Class<?> type) throws SQLException { return pool.isWrapperFor(type); }
}
