package org.nnplayground.playground.store;

import org.nnplayground.playground.room.RoomStore.Ban;
import org.nnplayground.playground.room.RoomStore.EndedRecord;
import org.nnplayground.playground.room.RoomStore.RoomRecord;
import org.nnplayground.playground.room.RoomStore.StudentRecord;
import org.nnplayground.playground.room.RoomStore.TokenOwner;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The class-room tables' reads (rooms, rosters, who holds a resume token), for {@link JdbcRoomStore};
 * a failure is handed to {@link Database#recover}.
 */
final class RoomReads {
    static final String ROOM_COLUMNS = "code, teacher_key, exercise, anonymized, created_at, spotlight";

    private final Database database;

    RoomReads(Database database) { this.database = database; }

    List<RoomRecord> rooms() {
        List<RoomRecord> out = new ArrayList<>();
        try (Connection con = database.pool().getConnection();
             PreparedStatement st = con.prepareStatement("SELECT " + ROOM_COLUMNS + " FROM rooms ORDER BY created_at");
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) out.add(roomOf(rs));
        } catch (SQLException e) {
            database.recover(e);
            throw new StoreException("could not read the rooms: " + e.getMessage(), e);
        }
        return out;
    }

    List<StudentRecord> students(String code) {
        List<StudentRecord> out = new ArrayList<>();
        try (Connection con = database.pool().getConnection();
             PreparedStatement st = con.prepareStatement(
                     "SELECT id, token, name, number, link, joined_at FROM room_students WHERE room_code = ? ORDER BY number")) {
            st.setString(1, code);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new StudentRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                            rs.getTimestamp(6).getTime()));
                }
            }
        } catch (SQLException e) {
            database.recover(e);
            throw new StoreException("could not read a class roster: " + e.getMessage(), e);
        }
        return out;
    }

    RoomRecord room(String code) {
        try (Connection con = database.pool().getConnection();
             PreparedStatement st = con.prepareStatement("SELECT " + ROOM_COLUMNS + " FROM rooms WHERE code = ?")) {
            st.setString(1, code);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? roomOf(rs) : null;
            }
        } catch (SQLException e) {
            database.recover(e);
            throw new StoreException("could not read a room: " + e.getMessage(), e);
        }
    }

    /** The room and student of a resume token; a removed student's token names their room alone (its copy refuses them). */
    TokenOwner byToken(String tokenHash) {
        try (Connection con = database.pool().getConnection();
             PreparedStatement st = con.prepareStatement("SELECT room_code, id FROM room_students WHERE token = ?");
             PreparedStatement banned = con.prepareStatement("SELECT room_code FROM room_bans WHERE token = ?")) {
            st.setString(1, tokenHash);
            try (ResultSet rs = st.executeQuery()) {
                if (rs.next()) return new TokenOwner(rs.getString(1), rs.getString(2));
            }
            banned.setString(1, tokenHash);
            try (ResultSet rs = banned.executeQuery()) {
                return rs.next() ? new TokenOwner(rs.getString(1), null) : null;
            }
        } catch (SQLException e) {
            database.recover(e);
            throw new StoreException("could not read a class roster: " + e.getMessage(), e);
        }
    }

    List<Ban> bans(String code) {
        List<Ban> out = new ArrayList<>();
        try (Connection con = database.pool().getConnection();
             PreparedStatement st = con.prepareStatement("SELECT token, name FROM room_bans WHERE room_code = ?")) {
            st.setString(1, code);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) out.add(new Ban(rs.getString(1), rs.getString(2)));
            }
        } catch (SQLException e) {
            database.recover(e);
            throw new StoreException("could not read a class's removed students: " + e.getMessage(), e);
        }
        return out;
    }

    EndedRecord ended(String code) {
        List<EndedRecord> found = endedWhere(" WHERE code = ?", code);
        return found.isEmpty() ? null : found.get(0);
    }

    List<EndedRecord> endedRooms() { return endedWhere(" ORDER BY ended_at", null); }

    private List<EndedRecord> endedWhere(String condition, String code) {
        List<EndedRecord> out = new ArrayList<>();
        try (Connection con = database.pool().getConnection();
             PreparedStatement st = con.prepareStatement("SELECT code, teacher_key, report, ended_at FROM ended_rooms" + condition)) {
            if (code != null) st.setString(1, code);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) out.add(new EndedRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).getTime()));
            }
        } catch (SQLException e) {
            database.recover(e);
            throw new StoreException("could not read the ended classes: " + e.getMessage(), e);
        }
        return out;
    }

    private static RoomRecord roomOf(ResultSet rs) throws SQLException {
        return new RoomRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getTimestamp(5).getTime(), rs.getString(6));
    }
}
