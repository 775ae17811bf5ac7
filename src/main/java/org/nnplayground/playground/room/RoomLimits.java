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
    /**
     * Joins a minute whose student has not connected yet, from one address and into one room: a real
     * student connects within a second of joining (their join stops counting then), so a class
     * behind one address joins freely while a flood of fake joins stops at these counts.
     */
    public static final int UNCONNECTED_JOINS_PER_ADDRESS = 20;
    public static final int UNCONNECTED_JOINS_PER_ROOM = 40;
    /** A student who never connected after joining is taken off the roster after this long. */
    public static final long NEVER_CONNECTED_MILLIS = 2L * 60 * 1000;
    /** A "left" card (their session freed after the grace period) goes from the roster after this long. */
    public static final long LEFT_CARD_MILLIS = 30L * 60 * 1000;
    /** Rooms one address may create per hour by default: a school's teachers behind one NAT, a few classes each. */
    public static final int DEFAULT_ROOMS_PER_HOUR = 10;

    /** The limits with the default rooms per address per hour. */
    public RoomLimits(int studentsPerRoom, int maxRooms, Duration grace, int wrongCodesPerMinute) {
        this(studentsPerRoom, maxRooms, grace, wrongCodesPerMinute, DEFAULT_ROOMS_PER_HOUR);
    }

    public static RoomLimits defaults() { return new RoomLimits(200, 20, Duration.ofMinutes(5), 30); }
}
