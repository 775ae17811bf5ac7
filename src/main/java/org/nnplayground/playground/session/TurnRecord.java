package org.nnplayground.playground.session;

import java.util.concurrent.atomic.AtomicLongArray;

/** The longest scheduler turn per second over the last minute (a ring of 60 one-second maxima), for /health. */
final class TurnRecord {
    private static final int SECONDS = 60;
    private final AtomicLongArray worst = new AtomicLongArray(SECONDS);
    private final AtomicLongArray second = new AtomicLongArray(SECONDS);

    void record(long nanos) {
        long now = System.nanoTime() / 1_000_000_000L;
        int slot = (int) (now % SECONDS);
        if (second.get(slot) != now) {
            second.set(slot, now);
            worst.set(slot, 0);
        }
        worst.accumulateAndGet(slot, nanos, Math::max);
    }

    long worstOfLastMinute() {
        long now = System.nanoTime() / 1_000_000_000L;
        long max = 0;
        for (int i = 0; i < SECONDS; i++) if (now - second.get(i) < SECONDS) max = Math.max(max, worst.get(i));
        return max;
    }
}
