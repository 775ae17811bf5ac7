package org.nnplayground.playground.session;

import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * A session's waiting requests, bounded so a client cannot pile up work or memory: at most one
 * build (load or loadCsv: a newer one replaces it and everything queued before it, which was
 * meant for the old run), the newest {@code set} per key replaces an older one still waiting,
 * and at most {@link #MAX_WAITING} requests in all; beyond that requests are refused.
 * Socket threads add, the session's trainer turn takes.
 */
final class RequestQueue {
    /** Most requests waiting at once (each at most 16 KiB; a CSV's parsed data is the one build allowed). */
    static final int MAX_WAITING = 32;

    /** How a request queues: BUILD supersedes, SET merges by key, KEEP survives a build, OTHER just waits. */
    enum Kind { BUILD, SET, KEEP, OTHER }

    /** One queued request; {@code heavy}: may take longer than a time slice (a build). */
    record Request(String name, Kind kind, String key, boolean heavy, Runnable action) {}

    private final ArrayDeque<Request> queue = new ArrayDeque<>();

    /** Queues {@code r}; returns null, or why it was refused. */
    synchronized String offer(Request r) {
        if (r.kind() == Kind.BUILD) {
            queue.removeIf(q -> q.kind() != Kind.KEEP);
        } else if (r.kind() == Kind.SET) {
            for (Iterator<Request> it = queue.iterator(); it.hasNext(); ) {
                Request q = it.next();
                if (q.kind() == Kind.SET && q.key().equals(r.key())) it.remove();
            }
        }
        if (queue.size() >= MAX_WAITING) {
            return "too many requests waiting (" + MAX_WAITING + "); wait for the answers to the ones sent";
        }
        queue.add(r);
        return null;
    }

    synchronized Request poll() { return queue.poll(); }

    /** True if the next request may take longer than a slice. */
    synchronized boolean nextIsHeavy() {
        Request r = queue.peek();
        return r != null && r.heavy();
    }

    synchronized boolean isEmpty() { return queue.isEmpty(); }

    synchronized int size() { return queue.size(); }

    synchronized void clear() { queue.clear(); }
}
