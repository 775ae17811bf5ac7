package org.nnplayground.playground.web;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** At most {@code perMinute} saves per client address in any 60 seconds (a class behind one NAT shares it). */
final class SaveLimiter {
    private static final long WINDOW_NANOS = 60_000_000_000L;

    private final int perMinute;
    private final Map<String, Deque<Long>> recent = new ConcurrentHashMap<>();

    SaveLimiter(int perMinute) {
        this.perMinute = perMinute;
    }

    /** Counts one save for {@code address} if it is allowed now. */
    boolean tryAcquire(String address) {
        long now = System.nanoTime();
        forgetIdle(now);
        Deque<Long> times = recent.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && now - times.peekFirst() >= WINDOW_NANOS) times.pollFirst();
            if (times.size() >= perMinute) return false;
            times.addLast(now);
            return true;
        }
    }

    int perMinute() { return perMinute; }

    /** Drops addresses with no save in the window, so the map stays as small as the active clients. */
    private void forgetIdle(long now) {
        if (recent.size() < 1000) return;
        for (Iterator<Deque<Long>> it = recent.values().iterator(); it.hasNext(); ) {
            Deque<Long> times = it.next();
            synchronized (times) {
                if (times.isEmpty() || now - times.peekLast() >= WINDOW_NANOS) it.remove();
            }
        }
    }
}
