package org.nnplayground.playground.store;

import javax.sql.DataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store over JDBC, for H2 (embedded, the default) and PostgreSQL alike: a handful of plain SQL
 * statements through a small HikariCP pool. Plain JDBC rather than Jdbi because there is one table
 * and four statements: a mapping layer would be more code to read than it saves. The pool gives
 * short connection timeouts, so a database that is down answers an error within seconds instead of
 * hanging a request. Flyway applies {@code db/migration} at start.
 */
public final class JdbcRunStore implements RunStore {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcRunStore.class);
    /** A run's last opening is recorded at most this often: retention counts in days, and most reads then write nothing. */
    static final Duration OPENED_PRECISION = Duration.ofHours(12);

    private static final String UNAVAILABLE = "saved runs are unavailable: the database cannot be reached; training goes on, try again later";

    private final Database database;
    /** True when this store opened the database for itself (and closes it). */
    private final boolean owned;

    private JdbcRunStore(Database database, boolean owned) {
        this.database = database;
        this.owned = owned;
    }

    /**
     * Runs in the server's shared database (closing this store leaves it open). The pool is asked
     * for on every use, so a database that failed or was down is used again once it is back.
     */
    public static JdbcRunStore on(Database database) { return new JdbcRunStore(database, false); }

    /** A store with a database of its own (tools and tests): connects, migrates, and closes it with the store. */
    public static JdbcRunStore open(StoreSettings settings) {
        Database db = new Database(settings);
        db.pool();
        return new JdbcRunStore(db, true);
    }

    /**
     * Answered only once the run is committed: H2 writes each commit at once (WRITE_DELAY=0), and
     * {@code CHECKPOINT SYNC} stores this run's commit and syncs the file; PostgreSQL's commit is
     * durable. Not enough for H2 2.5 under SIGKILL: scripts/kill-durability.sh still loses some
     * acknowledged saves on the embedded database (docs/benchmarks.md, "SIGKILL during saves").
     */
    @Override
    public void save(StoredRun run) {
        String sql = "INSERT INTO runs (id, link, epoch, size_bytes, created_at, opened_at, snapshot) VALUES (?, ?, ?, ?, ?, ?, ?)";
        try {
            database.budget().reserve(run.snapshot().length, "save the run");
        } catch (StoreException e) {
            if (e.getCause() == null) throw e; // the budget is spent, or the directory gone: its message says so
            LOG.warn("saved runs are unavailable: " + e.getMessage());
            throw new StoreException(UNAVAILABLE, e);
        }
        try (Connection con = connection()) {
            try (PreparedStatement st = con.prepareStatement(sql)) {
                Timestamp now = Timestamp.from(run.createdAt());
                st.setString(1, run.id());
                st.setString(2, run.link());
                st.setInt(3, run.epoch());
                st.setInt(4, run.snapshot().length);
                st.setTimestamp(5, now);
                st.setTimestamp(6, now);
                st.setBytes(7, run.snapshot());
                st.executeUpdate();
            }
            if (!database.shared()) {
                try (Statement st = con.createStatement()) {
                    st.execute("CHECKPOINT SYNC");
                }
            }
        } catch (SQLException e) {
            database.recover(e);
            throw failure("save the run", e);
        }
    }

    /**
     * Reads only: the time of opening is recorded best-effort, at most every {@link #OPENED_PRECISION},
     * and a failure to record it (a full disk, a read-only one) is logged and the run served anyway.
     * A read that meets a database closed by an earlier failed write tries once more on a new one.
     */
    @Override
    public Optional<StoredRun> open(String id) {
        try {
            return read(id);
        } catch (SQLException e) {
            database.recover(e);
            try {
                return read(id);
            } catch (SQLException again) {
                database.recover(again);
                throw failure("load the run", again);
            }
        }
    }

    private Optional<StoredRun> read(String id) throws SQLException {
        StoredRun found;
        Instant opened;
        try (Connection con = connection();
             PreparedStatement st = con.prepareStatement("SELECT link, epoch, created_at, snapshot, opened_at FROM runs WHERE id = ?")) {
            st.setString(1, id);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                found = new StoredRun(id, rs.getString(1), rs.getInt(2), rs.getTimestamp(3).toInstant(), rs.getBytes(4));
                opened = rs.getTimestamp(5).toInstant();
            }
        }
        Instant now = Instant.now();
        if (opened.isBefore(now.minus(OPENED_PRECISION))) markOpened(id, now);
        return Optional.of(found);
    }

    private void markOpened(String id, Instant now) {
        try (Connection con = connection(); PreparedStatement st = con.prepareStatement("UPDATE runs SET opened_at = ? WHERE id = ?")) {
            st.setTimestamp(1, Timestamp.from(now));
            st.setString(2, id);
            st.executeUpdate();
        } catch (SQLException | StoreException e) {
            if (e instanceof SQLException sql) database.recover(sql);
            LOG.warn("could not record that run " + id + " was opened (" + e.getMessage() + "); it is served anyway");
        }
    }

    @Override
    public int deleteNotOpenedSince(Instant cutoff) {
        try (Connection con = connection(); PreparedStatement st = con.prepareStatement("DELETE FROM runs WHERE opened_at < ?")) {
            st.setTimestamp(1, Timestamp.from(cutoff));
            return st.executeUpdate();
        } catch (SQLException e) {
            throw failure("delete old runs", e);
        }
    }

    @Override
    public void close() {
        if (owned) database.close();
    }

    /**
     * A connection of the moment's pool; a database that cannot be opened is a refusal in plain
     * words (the cause names the database's address and driver: the log keeps it).
     */
    private Connection connection() throws SQLException {
        DataSource pool;
        try {
            pool = database.pool();
        } catch (StoreException e) {
            if (database.vanished()) throw new StoreException(e.getMessage(), e);
            LOG.warn("saved runs are unavailable: " + e.getMessage());
            throw new StoreException(UNAVAILABLE, e);
        }
        return pool.getConnection();
    }

    /**
     * What the page or the script is told: why in plain words, never the driver's message (it quotes
     * the SQL statement and error codes); the log gets the details.
     */
    private static StoreException failure(String what, SQLException e) {
        LOG.warn("could not " + what, e);
        String m = Database.rootMessage(e);
        String lower = m.toLowerCase(java.util.Locale.ROOT);
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
