package org.nnplayground.playground.store;

import org.nnplayground.playground.codec.RunSnapshotCodec;
import org.nnplayground.playground.session.Checkpoints.Checkpoint;
import org.nnplayground.playground.session.RunSnapshot;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@code checkpoints} table's statements (migration V3), the same SQL on H2 and PostgreSQL:
 * {@link JdbcCheckpoints} decides when, this class how. A failure is handed to
 * {@link Database#recover} (an embedded database closed by a failed write opens again).
 */
final class CheckpointTable {
    private final Database database;

    CheckpointTable(Database database) { this.database = database; }

    Optional<Checkpoint> load(String key) {
        String sql = "SELECT saved_at, snapshot, settled FROM checkpoints WHERE \"key\" = ?";
        try (Connection con = database.pool().getConnection(); PreparedStatement st = con.prepareStatement(sql)) {
            st.setString(1, key);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                long saved = rs.getTimestamp(1).toInstant().toEpochMilli();
                return Optional.of(new Checkpoint(RunSnapshotCodec.decode(rs.getBytes(2)), saved, rs.getBoolean(3)));
            }
        } catch (SQLException e) {
            database.recover(e);
            throw new StoreException("could not read the checkpoint: " + Database.rootMessage(e), e);
        }
    }

    /** Deletes the checkpoint under {@code key} if saved at or before {@code savedMillis} (Long.MAX_VALUE: whenever). */
    void delete(String key, long savedMillis) {
        boolean all = savedMillis == Long.MAX_VALUE;
        String sql = "DELETE FROM checkpoints WHERE \"key\" = ?" + (all ? "" : " AND saved_at <= ?");
        try (Connection con = database.pool().getConnection(); PreparedStatement st = con.prepareStatement(sql)) {
            st.setString(1, key);
            if (!all) st.setTimestamp(2, Timestamp.from(Instant.ofEpochMilli(savedMillis)));
            st.executeUpdate();
        } catch (SQLException e) {
            database.recover(e);
            throw new StoreException(Database.rootMessage(e), e);
        }
    }

    /** Encodes (on the caller's thread: the writer's, never a trainer's) and writes, replacing the key's row. */
    void write(String key, RunSnapshot snapshot, long savedMillis, boolean settled) {
        byte[] bytes = RunSnapshotCodec.encode(snapshot);
        Timestamp saved = Timestamp.from(Instant.ofEpochMilli(savedMillis));
        try (Connection con = database.pool().getConnection()) {
            // update, else insert: portable (H2 and PostgreSQL); a concurrent insert of the same key updates again
            if (update(con, key, snapshot.epoch(), saved, settled, bytes) == 0) {
                database.budget().reserve(bytes.length, "write a checkpoint"); // a new row: within the budget, or not at all
                try (PreparedStatement st = con.prepareStatement(
                        "INSERT INTO checkpoints (\"key\", epoch, saved_at, settled, snapshot) VALUES (?, ?, ?, ?, ?)")) {
                    st.setString(1, key);
                    st.setInt(2, snapshot.epoch());
                    st.setTimestamp(3, saved);
                    st.setBoolean(4, settled);
                    st.setBytes(5, bytes);
                    st.executeUpdate();
                } catch (SQLException duplicate) {
                    if (!"23505".equals(duplicate.getSQLState())) throw duplicate;
                    update(con, key, snapshot.epoch(), saved, settled, bytes);
                }
            }
        } catch (SQLException e) {
            database.recover(e);
            throw new StoreException(Database.rootMessage(e), e);
        }
    }

    /** Deletes checkpoints saved before {@code cutoff}; the number deleted. */
    int deleteSavedBefore(Instant cutoff) {
        try (Connection con = database.pool().getConnection(); PreparedStatement st = con.prepareStatement("DELETE FROM checkpoints WHERE saved_at < ?")) {
            st.setTimestamp(1, Timestamp.from(cutoff));
            return st.executeUpdate();
        } catch (SQLException e) {
            database.recover(e);
            throw new StoreException("could not sweep old checkpoints: " + Database.rootMessage(e), e);
        }
    }

    private static int update(Connection con, String key, int epoch, Timestamp saved, boolean settled, byte[] bytes) throws SQLException {
        try (PreparedStatement st = con.prepareStatement("UPDATE checkpoints SET epoch = ?, saved_at = ?, settled = ?, snapshot = ? WHERE \"key\" = ?")) {
            st.setInt(1, epoch);
            st.setTimestamp(2, saved);
            st.setBoolean(3, settled);
            st.setBytes(4, bytes);
            st.setString(5, key);
            return st.executeUpdate();
        }
    }
}
