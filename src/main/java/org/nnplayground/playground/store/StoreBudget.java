package org.nnplayground.playground.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's disk budget ({@code --store-budget-mb}): saved runs and checkpoints together, counted
 * as the bytes of their snapshots. A write that would pass it first evicts the oldest unclaimed
 * checkpoints (not saved for {@link #UNCLAIMED}: their page has gone, nobody resumed them); when
 * that is not enough a save is refused with a plain message, and a checkpoint is not written. The
 * count is read from the database (other servers write too) at most every {@link #RECOUNT} and
 * kept up to date with this server's writes in between; saved runs deleted by hand or by retention
 * free their room at the next count.
 */
public final class StoreBudget {
    private static final Logger LOG = LoggerFactory.getLogger(StoreBudget.class);
    /** A checkpoint not saved for this long belongs to a page that left (a live run saves every few seconds). */
    static final Duration UNCLAIMED = Duration.ofMinutes(2);
    static final Duration RECOUNT = Duration.ofSeconds(5);

    private final Database database;
    private final long budget;
    private long used = -1;
    private long countedAtNanos;

    StoreBudget(Database database, long budgetBytes) {
        this.database = database;
        this.budget = budgetBytes;
    }

    /**
     * Makes room for {@code bytes} more, evicting unclaimed checkpoints if needed; throws a
     * StoreException saying so in plain words when the budget is spent.
     */
    public synchronized void reserve(long bytes, String what) {
        long now = count();
        if (now + bytes > budget) now -= evictUnclaimed(now + bytes - budget);
        if (now + bytes > budget) {
            throw new StoreException("could not " + what + ": the server's storage is full (" + mib(now) + " of " + mib(budget)
                    + " MiB in use); training goes on, try again later or ask the server's operator to free some room", null);
        }
        used = now + bytes;
    }

    /** Notes that {@code bytes} were freed or replaced (a checkpoint written over a smaller or bigger one is recounted later). */
    public synchronized void freed(long bytes) { if (used >= 0) used = Math.max(0, used - bytes); }

    /** The budget's part of /health. */
    public synchronized Map<String, Object> health() {
        Map<String, Object> h = new LinkedHashMap<>();
        if (used >= 0) h.put("usedBytes", used);
        h.put("budgetBytes", budget);
        return h;
    }

    /** Bytes in use, from the database when the last count is old. */
    private long count() {
        if (used >= 0 && System.nanoTime() - countedAtNanos < RECOUNT.toNanos()) return used;
        try (Connection con = database.pool().getConnection()) {
            used = sum(con, "SELECT COALESCE(SUM(size_bytes), 0) FROM runs") + sum(con, "SELECT COALESCE(SUM(OCTET_LENGTH(snapshot)), 0) FROM checkpoints");
            countedAtNanos = System.nanoTime();
            return used;
        } catch (SQLException e) {
            database.recover(e);
            throw new StoreException("could not count the store's size: " + Database.rootMessage(e), e);
        }
    }

    /** Deletes the oldest unclaimed checkpoints until {@code needed} bytes are freed (or none is left); the bytes freed. */
    private long evictUnclaimed(long needed) {
        long freed = 0;
        int evicted = 0;
        Timestamp before = Timestamp.from(Instant.now().minus(UNCLAIMED));
        try (Connection con = database.pool().getConnection()) {
            List<String> keys = new ArrayList<>();
            List<Long> sizes = new ArrayList<>();
            try (PreparedStatement st = con.prepareStatement(
                    "SELECT \"key\", OCTET_LENGTH(snapshot) FROM checkpoints WHERE saved_at < ? ORDER BY saved_at")) {
                st.setTimestamp(1, before);
                try (ResultSet rs = st.executeQuery()) {
                    long planned = 0;
                    while (planned < needed && rs.next()) {
                        keys.add(rs.getString(1));
                        sizes.add(rs.getLong(2));
                        planned += rs.getLong(2);
                    }
                }
            }
            try (PreparedStatement del = con.prepareStatement("DELETE FROM checkpoints WHERE \"key\" = ? AND saved_at < ?")) {
                for (int i = 0; i < keys.size(); i++) {
                    del.setString(1, keys.get(i));
                    del.setTimestamp(2, before);
                    if (del.executeUpdate() > 0) {
                        freed += sizes.get(i);
                        evicted++;
                    }
                }
            }
        } catch (SQLException e) {
            database.recover(e);
            LOG.warn("could not evict old checkpoints: " + Database.rootMessage(e));
        }
        if (evicted > 0) LOG.info("store budget: evicted " + evicted + " unclaimed checkpoints (" + mib(freed) + " MiB)");
        return freed;
    }

    private static long sum(Connection con, String sql) throws SQLException {
        try (PreparedStatement st = con.prepareStatement(sql); ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String mib(long bytes) { return String.format(java.util.Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0)); }
}
