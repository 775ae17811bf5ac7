package org.nnplayground.playground.web;

import java.time.Duration;

/**
 * A room socket takes its role (a student's {@code resume} or a teacher's {@code teach}) in its
 * first seconds, as the pages do on open, or it is closed: a socket with no role serves nobody and
 * holds a file and a place in the address's connection budget.
 */
final class RoleDeadline {
    static final Duration LIMIT = Duration.ofSeconds(5);
    private final long openedNanos = System.nanoTime();

    /** Closes {@code c} when it has no role {@link #LIMIT} after opening; true when it did. */
    boolean closeIfLate(Connection c, boolean hasRole) {
        if (hasRole || System.nanoTime() - openedNanos <= LIMIT.toNanos()) return false;
        c.close(Connection.POLICY_VIOLATION, "no role taken in " + LIMIT.toSeconds() + " s (send resume or teach)");
        return true;
    }
}
