package org.nnplayground.playground.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The budget's policy: the oldest unclaimed checkpoints go first, a live one never; then refusal. */
class StoreBudgetTest {
    private static final int MB = 1 << 20;

    @TempDir
    Path dir;

    @Test
    void theOldestUnclaimedCheckpointsAreEvictedFirstAndThenWritesAreRefused() throws Exception {
        try (Database db = new Database(new StoreSettings(dir, null, 90, 10, StoreSettings.DEFAULT_MAX_RUN_BYTES, 16))) {
            Instant now = Instant.now();
            checkpoint(db, "oldest", now.minusSeconds(3600), 5 * MB);
            checkpoint(db, "older", now.minusSeconds(600), 5 * MB);
            checkpoint(db, "live", now, 5 * MB);
            StoreBudget budget = new StoreBudget(db, 16L * MB);

            budget.reserve(2 * MB, "save the run"); // 15 + 2 > 16: one eviction is enough
            assertEquals(List.of("live", "older"), keys(db));

            budget.reserve(3 * MB, "save the run"); // counted 12 MiB after the eviction: fits
            StoreException refused = assertThrows(StoreException.class, () -> budget.reserve(7 * MB, "save the run")); // 15 + 7: evicting the older one leaves 17
            assertEquals(List.of("live"), keys(db), "the unclaimed one went; the live one stays");
            assertTrue(refused.getMessage().startsWith("could not save the run: the server's storage is full"), refused.getMessage());
            assertTrue(refused.getMessage().contains("of 16.0 MiB"), refused.getMessage());
        }
    }

    private static void checkpoint(Database db, String key, Instant saved, int bytes) throws Exception {
        try (Connection con = db.pool().getConnection(); PreparedStatement st = con.prepareStatement(
                "INSERT INTO checkpoints (\"key\", epoch, saved_at, snapshot) VALUES (?, 0, ?, ?)")) {
            st.setString(1, key);
            st.setTimestamp(2, Timestamp.from(saved));
            st.setBytes(3, new byte[bytes]);
            st.executeUpdate();
        }
    }

    private static List<String> keys(Database db) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection con = db.pool().getConnection(); PreparedStatement st = con.prepareStatement("SELECT \"key\" FROM checkpoints ORDER BY \"key\"");
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }
}
