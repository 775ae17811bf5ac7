package org.nnplayground.playground.store;

import org.nnplayground.playground.room.RoomStore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Rooms in the run database (H2 or PostgreSQL, the same settings and migrations as
 * {@link JdbcRunStore}): a room row and one row per student. Writes replace the row (delete then
 * insert, in one transaction: portable between the two databases).
 */
public final class JdbcRoomStore implements RoomStore {
    private final Database database;
    /** True when this store opened the database for itself (and closes it). */
    private final boolean owned;
    private final PoolView pool = new PoolView();
    private final RoomReads reads;

    private JdbcRoomStore(Database database, boolean owned) {
        this.database = database;
        this.owned = owned;
        this.reads = new RoomReads(database);
    }

    /**
     * Rooms in the server's shared database, opened now (a failure is thrown: the caller tries again
     * later); closing this store leaves it open.
     */
    public static JdbcRoomStore on(Database database) {
        database.pool();
        return new JdbcRoomStore(database, false);
    }

    /**
     * Rooms in a database several servers share: the pool is asked for on every use, so a database
     * that was down is used again once it is back ({@link Database} retries), with no restart.
     */
    public static JdbcRoomStore shared(Database database) { return new JdbcRoomStore(database, false); }

    /** A store with a database of its own (tests): connects, migrates, and closes it with the store. */
    public static JdbcRoomStore open(StoreSettings settings) {
        Database db = new Database(settings);
        db.pool();
        return new JdbcRoomStore(db, true);
    }

    /** The pool of the moment (the database may have been opened again since the last use). */
    private final class PoolView {
        Connection getConnection() throws SQLException { return database.pool().getConnection(); }
    }

    @Override
    public void saveRoom(RoomRecord r) {
        inTransaction(con -> {
            // update in place when the row exists (a delete would cascade to the roster)
            int updated;
            try (PreparedStatement up = con.prepareStatement(
                    "UPDATE rooms SET teacher_key = ?, exercise = ?, anonymized = ?, spotlight = ? WHERE code = ?")) {
                up.setString(1, r.teacherKey());
                up.setString(2, r.exerciseLink());
                up.setBoolean(3, r.anonymized());
                up.setString(4, r.spotlight());
                up.setString(5, r.code());
                updated = up.executeUpdate();
            }
            if (updated == 0) {
                try (PreparedStatement in = con.prepareStatement(INSERT_ROOM)) {
                    insert(in, r);
                }
            }
        });
    }

    @Override
    public void saveStudent(String code, StudentRecord s) {
        inTransaction(con -> {
            delete(con, code, s.id());
            insertStudent(con, code, s, s.number());
        });
    }

    @Override
    public void removeStudent(String code, String studentId) { inTransaction(con -> delete(con, code, studentId)); }

    @Override
    public void removeRoom(String code) {
        inTransaction(con -> {
            try (PreparedStatement st = con.prepareStatement("DELETE FROM room_students WHERE room_code = ?")) {
                st.setString(1, code);
                st.executeUpdate();
            }
            try (PreparedStatement st = con.prepareStatement("DELETE FROM rooms WHERE code = ?")) {
                st.setString(1, code);
                st.executeUpdate();
            }
        });
    }

    @Override
    public void ban(String code, Ban ban) {
        inTransaction(con -> {
            try (PreparedStatement known = con.prepareStatement("SELECT 1 FROM room_bans WHERE room_code = ? AND token = ?")) {
                known.setString(1, code);
                known.setString(2, ban.token());
                try (ResultSet rs = known.executeQuery()) {
                    if (rs.next()) return; // removed twice (two servers heard it): once is enough
                }
            }
            try (PreparedStatement in = con.prepareStatement("INSERT INTO room_bans (room_code, token, name) VALUES (?, ?, ?)")) {
                in.setString(1, code);
                in.setString(2, ban.token());
                in.setString(3, ban.name());
                in.executeUpdate();
            }
        });
    }

    @Override
    public List<Ban> bans(String code) { return reads.bans(code); }

    @Override
    public void endRoom(EndedRecord e, long forgetBeforeMillis) {
        inTransaction(con -> {
            for (String sql : List.of("DELETE FROM room_students WHERE room_code = ?", "DELETE FROM rooms WHERE code = ?",
                    "DELETE FROM ended_rooms WHERE code = ?")) {
                try (PreparedStatement st = con.prepareStatement(sql)) {
                    st.setString(1, e.code());
                    st.executeUpdate();
                }
            }
            try (PreparedStatement st = con.prepareStatement("DELETE FROM ended_rooms WHERE ended_at < ?")) {
                st.setTimestamp(1, Timestamp.from(Instant.ofEpochMilli(forgetBeforeMillis)));
                st.executeUpdate();
            }
            try (PreparedStatement in = con.prepareStatement("INSERT INTO ended_rooms (code, teacher_key, report, ended_at) VALUES (?, ?, ?, ?)")) {
                in.setString(1, e.code());
                in.setString(2, e.teacherKey());
                in.setString(3, e.report());
                in.setTimestamp(4, Timestamp.from(Instant.ofEpochMilli(e.endedMillis())));
                in.executeUpdate();
            }
        });
    }

    @Override
    public EndedRecord ended(String code) { return reads.ended(code); }

    @Override
    public List<EndedRecord> endedRooms() { return reads.endedRooms(); }

    @Override
    public List<RoomRecord> rooms() { return reads.rooms(); }

    @Override
    public List<StudentRecord> students(String code) { return reads.students(code); }

    @Override
    public RoomRecord room(String code) { return reads.room(code); }

    @Override
    public TokenOwner byToken(String tokenHash) { return reads.byToken(tokenHash); }

    /** False too when a class with this code ended not long ago: its code still says so. */
    @Override
    public boolean createRoom(RoomRecord r) {
        try (Connection con = pool.getConnection();
             PreparedStatement ended = con.prepareStatement("SELECT 1 FROM ended_rooms WHERE code = ?");
             PreparedStatement in = con.prepareStatement(INSERT_ROOM)) {
            ended.setString(1, r.code());
            try (ResultSet rs = ended.executeQuery()) {
                if (rs.next()) return false;
            }
            insert(in, r);
            return true;
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) return false;
            throw new StoreException("could not store the room: " + e.getMessage(), e);
        }
    }

    /**
     * Counting up {@code joined} locks the room's row until the student's row is in: a second
     * server joining at the same time waits, then sees the new count and the next number.
     */
    @Override
    public int addStudent(String code, StudentRecord s, int limit) {
        int[] number = {0};
        inTransaction(con -> {
            try (PreparedStatement up = con.prepareStatement("UPDATE rooms SET joined = joined + 1 WHERE code = ?")) {
                up.setString(1, code);
                if (up.executeUpdate() == 0) {
                    number[0] = -1;
                    return;
                }
            }
            if (count(con, "SELECT COUNT(*) FROM room_students WHERE room_code = ?", code) >= limit) {
                con.rollback();
                return;
            }
            number[0] = count(con, "SELECT joined FROM rooms WHERE code = ?", code);
            insertStudent(con, code, s, number[0]);
        });
        return number[0];
    }

    @Override
    public void touch(java.util.Collection<String> codes, long nowMillis) {
        inTransaction(con -> {
            try (PreparedStatement up = con.prepareStatement("UPDATE rooms SET used_at = ? WHERE code = ?")) {
                for (String code : codes) {
                    up.setTimestamp(1, Timestamp.from(Instant.ofEpochMilli(nowMillis)));
                    up.setString(2, code);
                    up.addBatch();
                }
                up.executeBatch();
            }
        });
    }

    @Override
    public void removeIdle(long beforeMillis, java.util.function.Consumer<String> closed) {
        List<String> gone = new ArrayList<>();
        inTransaction(con -> {
            Timestamp before = Timestamp.from(Instant.ofEpochMilli(beforeMillis));
            try (PreparedStatement st = con.prepareStatement("SELECT code FROM rooms WHERE COALESCE(used_at, created_at) < ?")) {
                st.setTimestamp(1, before);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) gone.add(rs.getString(1));
                }
            }
            // the same condition again: a room used meanwhile by another server stays
            try (PreparedStatement del = con.prepareStatement("DELETE FROM rooms WHERE code = ? AND COALESCE(used_at, created_at) < ?")) {
                for (java.util.Iterator<String> it = gone.iterator(); it.hasNext(); ) {
                    del.setString(1, it.next());
                    del.setTimestamp(2, before);
                    if (del.executeUpdate() == 0) it.remove();
                }
            }
        });
        gone.forEach(closed);
    }

    @Override
    public boolean reachable() {
        try (Connection con = pool.getConnection()) {
            return con.isValid(1);
        } catch (SQLException | StoreException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (owned) database.close();
    }

    private static final String INSERT_ROOM = "INSERT INTO rooms (" + RoomReads.ROOM_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)";

    private static void insert(PreparedStatement in, RoomRecord r) throws SQLException {
        in.setString(1, r.code());
        in.setString(2, r.teacherKey());
        in.setString(3, r.exerciseLink());
        in.setBoolean(4, r.anonymized());
        in.setTimestamp(5, Timestamp.from(Instant.ofEpochMilli(r.createdMillis())));
        in.setString(6, r.spotlight());
        in.executeUpdate();
    }

    /** SQLSTATE of a duplicate key, in PostgreSQL and H2 alike. */
    private static final String UNIQUE_VIOLATION = "23505";

    private static int count(Connection con, String sql, String code) throws SQLException {
        try (PreparedStatement st = con.prepareStatement(sql)) {
            st.setString(1, code);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private interface Work { void run(Connection con) throws SQLException; }

    private void inTransaction(Work work) {
        try (Connection con = pool.getConnection()) {
            con.setAutoCommit(false);
            try {
                work.run(con);
                con.commit();
            } catch (SQLException | RuntimeException e) {
                con.rollback();
                throw e;
            }
        } catch (SQLException e) {
            database.recover(e);
            throw new StoreException("could not store the room: " + e.getMessage(), e);
        }
    }

    private static void insertStudent(Connection con, String code, StudentRecord s, int number) throws SQLException {
        try (PreparedStatement in = con.prepareStatement(
                "INSERT INTO room_students (room_code, id, token, name, number, link, joined_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            in.setString(1, code);
            in.setString(2, s.id());
            in.setString(3, s.token());
            in.setString(4, s.name());
            in.setInt(5, number);
            in.setString(6, s.link());
            in.setTimestamp(7, Timestamp.from(Instant.ofEpochMilli(s.joinedMillis())));
            in.executeUpdate();
        }
    }

    private static void delete(Connection con, String code, String id) throws SQLException {
        try (PreparedStatement st = con.prepareStatement("DELETE FROM room_students WHERE room_code = ? AND id = ?")) {
            st.setString(1, code);
            st.setString(2, id);
            st.executeUpdate();
        }
    }
}
