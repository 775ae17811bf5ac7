package org.nnplayground.playground.web;

/** A token bucket: {@code perSecond} messages a second, bursts of twice that. */
final class RateLimiter {
    private final double perSecond;
    private final double burst;
    private double tokens;
    private long last = System.nanoTime();

    RateLimiter(int perSecond) {
        this.perSecond = perSecond;
        this.burst = 2.0 * perSecond;
        this.tokens = burst;
    }

    /** Takes one token if there is one. */
    synchronized boolean tryAcquire() {
        long now = System.nanoTime();
        tokens = Math.min(burst, tokens + (now - last) / 1e9 * perSecond);
        last = now;
        if (tokens < 1) return false;
        tokens -= 1;
        return true;
    }
}
