package org.nnplayground.playground.room;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Room events within one server: delivered at once, on the publisher's thread, in subscription order. */
public final class LocalRoomEvents implements RoomEvents {
    private static final Logger LOG = LoggerFactory.getLogger(LocalRoomEvents.class);
    private final Map<String, List<Consumer<RoomEvent>>> listeners = new ConcurrentHashMap<>();

    @Override
    public void publish(String code, RoomEvent event) {
        for (Consumer<RoomEvent> l : listeners.getOrDefault(code, List.of())) {
            try {
                l.accept(event);
            } catch (RuntimeException e) {
                // one failing listener must not keep the event from the others
                LOG.warn("room event listener failed", e);
            }
        }
    }

    @Override
    public AutoCloseable subscribe(String code, Consumer<RoomEvent> listener) {
        listeners.computeIfAbsent(code, c -> new CopyOnWriteArrayList<>()).add(listener);
        return () -> {
            List<Consumer<RoomEvent>> list = listeners.get(code);
            if (list != null) {
                list.remove(listener);
                if (list.isEmpty()) listeners.remove(code, list);
            }
        };
    }
}
