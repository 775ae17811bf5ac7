package org.nnplayground.playground.room;

import java.time.Duration;

/**
 * A server's room limits: students per room, rooms at once, how long a student's session waits
 * for them after their socket closed, and how many wrong codes an address may try per minute.
 */
public record RoomLimits(int studentsPerRoom, int maxRooms, Duration grace, int wrongCodesPerMinute) {
    public static final int MAX_NAME_LENGTH = 24;
    public static final int MAX_NOTICE_LENGTH = 200;

    public static RoomLimits defaults() { return new RoomLimits(200, 20, Duration.ofMinutes(5), 30); }
}
