package org.nnplayground.playground.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link RateLimiter} per client address, {@code perSecond} each. The map is bounded: past
 * {@link #MAX_ADDRESSES} it is emptied, which only forgives (every address starts with a full bucket).
 */
final class AddressBuckets {
    static final int MAX_ADDRESSES = 10_000;
    private final int perSecond;
    private final Map<String, RateLimiter> buckets = new ConcurrentHashMap<>();

    AddressBuckets(int perSecond) { this.perSecond = perSecond; }

    /** Takes one token from {@code address}'s bucket if it has one. */
    boolean tryAcquire(String address) {
        if (buckets.size() > MAX_ADDRESSES) buckets.clear();
        return buckets.computeIfAbsent(address, a -> new RateLimiter(perSecond)).tryAcquire();
    }
}
