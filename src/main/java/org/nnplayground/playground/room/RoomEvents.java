package org.nnplayground.playground.room;

import java.util.function.Consumer;

/**
 * Carries a room's events to whoever holds its students and pages. {@link LocalRoomEvents} does it
 * inside one server; {@code store/PgRoomEvents} between replicas sharing one PostgreSQL, unchanged callers.
 */
public interface RoomEvents {
    void publish(String code, RoomEvent event);

    /** Calls {@code listener} with every later event of room {@code code} until the returned handle is closed. */
    AutoCloseable subscribe(String code, Consumer<RoomEvent> listener);
}
