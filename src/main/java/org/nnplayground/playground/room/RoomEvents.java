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

    /** True when an event published now reaches the other servers at once (one server alone: there are none to miss). */
    default boolean reachesOthers() { return true; }

    /**
     * Since when (epoch milliseconds) this server has heard the other servers without a break;
     * {@link Long#MAX_VALUE} while it cannot hear them. A remote card is only "away" when its server
     * could have spoken and did not.
     */
    default long hearingSinceMillis() { return 0; }
}
