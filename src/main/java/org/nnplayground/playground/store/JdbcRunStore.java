package org.nnplayground.playground.store;

import org.slf4j.LoggerFactory;

import javax.sql.DataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.Locale;

/**
 * The store over JDBC, for H2 (embedded, the default) and PostgreSQL alike: a handful of plain SQL
 * statements through a small HikariCP pool. Plain JDBC rather than Jdbi because there is one table
 * and four statements: a mapping layer would be more code to read than it saves. The pool gives
 * short connection timeouts, so a database that is down answers an error within seconds instead of
 * hanging a request. Flyway applies {@code db/migration} at start.
 */
public final class JdbcRunStore implements RunStore {
    private final DataSource pool;
    /** The database this store opened for itself (closed with it), or null when it shares the server's. */
    private final Database owned;

    private JdbcRunStore(DataSource pool, Database owned) {
        this.pool = pool;
        this.owned = owned;
    }

    /** Runs in the server's shared database (opening it if needed; closing this store leaves it open). */
    public static JdbcRunStore on(Database database) { return new JdbcRunStore(database.pool(), null); }

    /** A store with a database of its own (tools and tests): connects, migrates, and closes it with the store. */
    public static JdbcRunStore open(StoreSettings settings) {
        Database db = new Database(settings);
        return new JdbcRunStore(db.pool(), db);
    }

    @Override
    public void save(StoredRun run) {
        String sql = "INSERT INTO runs (id, link, epoch, size_bytes, created_at, opened_at, snapshot) VALUES (?, ?, ?, ?, ?, ?, ?)";
        try (Connection con = pool.getConnection(); PreparedStatement st = con.prepareStatement(sql)) {
            Timestamp now = Timestamp.from(run.createdAt());
            st.setString(1, run.id());
            st.setString(2, run.link());
            st.setInt(3, run.epoch());
            st.setInt(4, run.snapshot().length);
            st.setTimestamp(5, now);
            st.setTimestamp(6, now);
            st.setBytes(7, run.snapshot());
            st.executeUpdate();
        } catch (SQLException e) {
            throw failure("save the run", e);
        }
    }

    @Override
    public Optional<StoredRun> open(String id) {
        try (Connection con = pool.getConnection()) {
            StoredRun found = null;
            try (PreparedStatement st = con.prepareStatement("SELECT link, epoch, created_at, snapshot FROM runs WHERE id = ?")) {
                st.setString(1, id);
                try (ResultSet rs = st.executeQuery()) {
                    if (rs.next()) found = new StoredRun(id, rs.getString(1), rs.getInt(2), rs.getTimestamp(3).toInstant(), rs.getBytes(4));
                }
            }
            if (found == null) return Optional.empty();
            try (PreparedStatement st = con.prepareStatement("UPDATE runs SET opened_at = ? WHERE id = ?")) {
                st.setTimestamp(1, Timestamp.from(Instant.now()));
                st.setString(2, id);
                st.executeUpdate();
            }
            return Optional.of(found);
        } catch (SQLException e) {
            throw failure("load the run", e);
        }
    }

    @Override
    public int deleteNotOpenedSince(Instant cutoff) {
        try (Connection con = pool.getConnection(); PreparedStatement st = con.prepareStatement("DELETE FROM runs WHERE opened_at < ?")) {
            st.setTimestamp(1, Timestamp.from(cutoff));
            return st.executeUpdate();
        } catch (SQLException e) {
            throw failure("delete old runs", e);
        }
    }

    @Override
    public void close() {
        if (owned != null) owned.close();
    }

    /**
     * What the page or the script is told: why in plain words, never the driver's message (it quotes
     * the SQL statement and error codes); the log gets the details.
     */
    private static StoreException failure(String what, SQLException e) {
        LoggerFactory.getLogger(JdbcRunStore.class).warn("could not " + what, e);
        String m = Database.rootMessage(e);
        String lower = m.toLowerCase(Locale.ROOT);
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String why;
        // 53100: PostgreSQL's disk_full; 25006: a read-only transaction (a standby, or a database set read-only)
        if (lower.contains("no space") || lower.contains("disk full") || lower.contains("disk is full") || state.equals("53100")) why = "the server's disk is full";
        else if (state.startsWith("08") || lower.contains("connection is not available")
                || lower.contains("connection refused") || lower.contains("timed out")) why = "the database is not reachable";
        else if (state.equals("25006") || lower.contains("read only") || lower.contains("read-only")) why = "the database takes no writes at the moment";
        else why = "the database refused it";
        return new StoreException("could not " + what + ": " + why + "; training goes on, try saving again later", e);
    }

}
