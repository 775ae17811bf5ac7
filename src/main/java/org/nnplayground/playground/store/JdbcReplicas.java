package org.nnplayground.playground.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * The {@code replicas} table (migration V5): where each server sharing the database is reached by
 * the others, with a heartbeat. A teacher's server reads it to relay a run that trains on another.
 */
public final class JdbcReplicas {
    private final Database database;

    public JdbcReplicas(Database database) { this.database = database; }

    /** This server ({@code id}) is alive and reached at {@code address} (an http URL without a path). */
    public void heartbeat(String id, String address, long nowMillis) {
        Timestamp now = Timestamp.from(Instant.ofEpochMilli(nowMillis));
        try (Connection con = database.pool().getConnection();
             PreparedStatement up = con.prepareStatement("UPDATE replicas SET address = ?, seen_at = ? WHERE id = ?")) {
            up.setString(1, address);
            up.setTimestamp(2, now);
            up.setString(3, id);
            if (up.executeUpdate() > 0) return;
            try (PreparedStatement in = con.prepareStatement("INSERT INTO replicas (id, address, seen_at) VALUES (?, ?, ?)")) {
                in.setString(1, id);
                in.setString(2, address);
                in.setTimestamp(3, now);
                in.executeUpdate();
            } catch (SQLException duplicate) {
                if (!"23505".equals(duplicate.getSQLState())) throw duplicate; // the same name started twice at once: the update wins next time
            }
        } catch (SQLException e) {
            database.recover(e);
            throw new StoreException("could not announce this server: " + Database.rootMessage(e), e);
        }
    }

    /** Where replica {@code id} said it is reached, if it was seen since {@code sinceMillis}; else null. */
    public String address(String id, long sinceMillis) {
        try (Connection con = database.pool().getConnection();
             PreparedStatement st = con.prepareStatement("SELECT address FROM replicas WHERE id = ? AND seen_at >= ?")) {
            st.setString(1, id);
            st.setTimestamp(2, Timestamp.from(Instant.ofEpochMilli(sinceMillis)));
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            database.recover(e);
            throw new StoreException("could not read the servers' addresses: " + Database.rootMessage(e), e);
        }
    }
}
