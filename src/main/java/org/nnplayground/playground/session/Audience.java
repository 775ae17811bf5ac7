package org.nnplayground.playground.session;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Who sees a session's run: its owner (the student's socket) and read-only viewers (a teacher
 * who opened the run). The owner gets everything; a viewer gets descriptions, states and the
 * frames it can take (latest wins), so a slow viewer never holds the session back, and the new
 * link when a setting changes (a projector compares settings). Errors and the course views stay the owner's.
 */
final class Audience {
    private final SessionListener owner;
    private final List<SessionListener> viewers = new CopyOnWriteArrayList<>();

    Audience(SessionListener owner) { this.owner = owner; }

    void add(SessionListener viewer) { viewers.add(viewer); }

    void remove(SessionListener viewer) { viewers.remove(viewer); }

    void description(SessionDescription d) {
        owner.description(d);
        for (SessionListener v : viewers) v.description(d);
    }

    void points(List<double[]> train, List<double[]> test) {
        owner.points(train, test);
        for (SessionListener v : viewers) v.points(train, test);
    }

    void status(SessionState state, String message) {
        owner.status(state, message);
        for (SessionListener v : viewers) v.status(state, message);
    }

    void link(String hash) {
        owner.link(hash);
        for (SessionListener v : viewers) v.link(hash);
    }

    void frame(ByteBuffer frame) {
        for (SessionListener v : viewers) if (v.canSendFrame()) v.frame(frame.duplicate());
        owner.frame(frame);
    }
}
