package org.nnplayground.playground.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The SQL of {@link PgRoomEvents}: connections of its own (not the pool's, whose reconnecting after
 * an outage backs off for seconds), a batch of events sent as rows and notifications in one
 * transaction, the rows a replica missed while it was not listening, and the sweep of old rows.
 * A kept event's notification is {@code "<row id> <envelope>"}, a card summary's the envelope alone.
 */
final class RoomEventLog {
    /** How far back a replica that listens again looks for what it missed (the senders keep no event longer). */
    static final String CATCH_UP_WINDOW = "2 minutes";

    private final Database database;

    RoomEventLog(Database database) { this.database = database; }

    /** One outgoing payload: {@code kept} events also go to the table (card summaries do not). */
    record Outgoing(String payload, boolean kept, long queuedNanos) {}

    /** A row read back: its id and envelope. */
    record Row(long id, String payload) {}

    /** A new connection straight to the database for sending, migrated (the table exists) before it is used. */
    Connection connectMigrated() throws SQLException {
        try {
            database.pool(); // runs the migrations once (a room's store has, before any event is sent)
        } catch (RuntimeException e) {
            throw new SQLException("the database cannot be opened: " + Database.rootMessage(e), e);
        }
        return connect();
    }

    /** A new connection straight to the database (listening needs no table: a server's first start does not wait for its migrations). */
    Connection connect() throws SQLException {
        StoreSettings.Connection c = database.settings().jdbc();
        Properties p = new Properties();
        if (c.user() != null) p.setProperty("user", c.user());
        if (c.password() != null) p.setProperty("password", c.password());
        p.setProperty("connectTimeout", "5");
        p.setProperty("socketTimeout", "30");
        p.setProperty("tcpKeepAlive", "true");
        return DriverManager.getConnection(c.url(), p);
    }

    /** Sends {@code batch} in order, all or none (their notifications leave at the commit). */
    void send(Connection con, List<Outgoing> batch) throws SQLException {
        con.setAutoCommit(false);
        try (PreparedStatement insert = con.prepareStatement("INSERT INTO room_events (payload) VALUES (?) RETURNING id");
             PreparedStatement notify = con.prepareStatement("SELECT pg_notify(?, ?)")) {
            for (Outgoing o : batch) {
                String payload = o.payload();
                if (o.kept()) {
                    insert.setString(1, payload);
                    try (ResultSet rs = insert.executeQuery()) {
                        rs.next();
                        payload = rs.getLong(1) + " " + payload;
                    }
                }
                notify.setString(1, PgRoomEvents.CHANNEL);
                notify.setString(2, payload);
                notify.execute();
            }
            con.commit();
        } catch (SQLException | RuntimeException e) {
            try {
                con.rollback();
            } catch (SQLException ignored) {
                // the connection is going away; the batch is sent again on a new one
            }
            throw e;
        }
    }

    /**
     * The newest row's id: a replica starting to listen has nothing to catch up before it. 0 when
     * the table is not there yet (the migrations have not run: every row will be newer).
     */
    long newestId(Connection con) throws SQLException {
        if (!exists(con)) return 0;
        try (Statement st = con.createStatement(); ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(id), 0) FROM room_events")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static boolean exists(Connection con) throws SQLException {
        try (Statement st = con.createStatement(); ResultSet rs = st.executeQuery("SELECT to_regclass('room_events') IS NOT NULL")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /** The rows after {@code afterId} of the last {@link #CATCH_UP_WINDOW}, in the order they were sent. */
    List<Row> since(Connection con, long afterId) throws SQLException {
        List<Row> rows = new ArrayList<>();
        if (!exists(con)) return rows;
        try (PreparedStatement st = con.prepareStatement("SELECT id, payload FROM room_events WHERE id > ? AND created_at > now() - interval '"
                + CATCH_UP_WINDOW + "' ORDER BY id")) {
            st.setLong(1, afterId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) rows.add(new Row(rs.getLong(1), rs.getString(2)));
            }
        }
        return rows;
    }

    /** Deletes the rows no replica will look for any more. */
    void sweep(Connection con) throws SQLException {
        con.setAutoCommit(true);
        try (Statement st = con.createStatement()) {
            st.executeUpdate("DELETE FROM room_events WHERE created_at < now() - interval '10 minutes'");
        }
    }
}
