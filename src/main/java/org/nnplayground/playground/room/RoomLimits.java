package org.nnplayground.playground.room;

import java.time.Duration;

/**
 * A server's room limits: students per room, rooms at once, how long a student's session waits
 * for them after their socket closed, how many wrong codes an address may try per minute, and how
 * many rooms an address may create per hour.
 */
public record RoomLimits(int studentsPerRoom, int maxRooms, Duration grace, int wrongCodesPerMinute, int roomsPerHour) {
    public static final int MAX_NAME_LENGTH = 24;
    public static final int MAX_NOTICE_LENGTH = 200;
    /** Rooms one address may create per hour by default: a school's teachers behind one NAT, a few classes each. */
    public static final int DEFAULT_ROOMS_PER_HOUR = 10;

    /** The limits with the default rooms per address per hour. */
    public RoomLimits(int studentsPerRoom, int maxRooms, Duration grace, int wrongCodesPerMinute) {
        this(studentsPerRoom, maxRooms, grace, wrongCodesPerMinute, DEFAULT_ROOMS_PER_HOUR);
    }

    public static RoomLimits defaults() { return new RoomLimits(200, 20, Duration.ofMinutes(5), 30); }
}
