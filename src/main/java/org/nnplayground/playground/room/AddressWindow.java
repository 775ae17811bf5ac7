package org.nnplayground.playground.room;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Events per key over a sliding window: wrong room codes an address tries a minute (against
 * guessing), rooms an address creates an hour (against one address taking every room of the
 * server), students joining a minute without connecting, per address and per room (against fake joins).
 */
final class AddressWindow {
    private final long windowMillis;
    private final Map<String, Deque<Long>> events = new ConcurrentHashMap<>();

    AddressWindow(long windowMillis) { this.windowMillis = windowMillis; }

    /** True when {@code address} already had {@code limit} events within the window before {@code now}. */
    boolean full(String address, int limit, long now) {
        Deque<Long> times = events.get(address);
        if (times == null) return false;
        synchronized (times) {
            while (!times.isEmpty() && now - times.peekFirst() > windowMillis) times.pollFirst();
            return times.size() >= limit;
        }
    }

    void add(String address, long now) {
        Deque<Long> times = events.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (times) { times.addLast(now); }
    }

    /** Takes back one event of {@code address} at {@code when} (it proved harmless), if still in the window. */
    void forgive(String address, long when) {
        Deque<Long> times = events.get(address);
        if (times == null) return;
        synchronized (times) { times.removeFirstOccurrence(when); }
    }

    /** Forgets addresses with no event in the window, so the map does not grow with every address ever seen. */
    void forgetOld(long now) {
        events.entrySet().removeIf(e -> {
            synchronized (e.getValue()) { return e.getValue().isEmpty() || now - e.getValue().peekLast() > windowMillis; }
        });
    }
}
