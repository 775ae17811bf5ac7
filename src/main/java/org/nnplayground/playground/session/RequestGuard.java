package org.nnplayground.playground.session;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps a session request's action so that its failure becomes an error message for the student,
 * never a broken session: a turn must survive whatever one request throws.
 */
final class RequestGuard {
    /** Logged under Session: that is where a failed request belongs in the log. */
    private static final Logger LOG = LoggerFactory.getLogger(Session.class);

    private RequestGuard() {}

    /** {@code action}, its exception sent to {@code listener} as an error for request {@code name}. */
    static Runnable guarded(String name, Runnable action, SessionListener listener) {
        return () -> {
            try {
                action.run();
            } catch (RuntimeException e) {
                if (e.getMessage() == null) LOG.warn("request " + name + " failed", e);
                listener.error(e.getMessage() != null ? e.getMessage() : "the server could not do '" + name + "'", name);
            }
        };
    }
}
