package org.nnplayground.playground.session;

import java.util.ArrayList;
import java.util.List;

/**
 * Drawn points and removals sent since the session's last turn. A flood of them costs one request
 * a turn, not one a point: the first edit queues the request, the others wait here, and that
 * request's turn applies them all, in the order they came.
 */
final class PendingDrawing {
    /** One drawn point ({@code remove} false) or the removal of the point nearest (x, y). */
    record Edit(double x, double y, double label, boolean remove) {}

    /** Most edits waiting for one turn (twice what a drawing holds: a page redrawing it all at once still fits). */
    static final int MAX_WAITING = 2 * DrawnData.MAX_POINTS;

    private final List<Edit> waiting = new ArrayList<>();
    private boolean requested;

    /** Adds {@code edit}; null, or why it was refused. */
    synchronized String offer(Edit edit) {
        if (waiting.size() >= MAX_WAITING) return "too many drawn points waiting (" + MAX_WAITING + "); wait for the drawing to update";
        waiting.add(edit);
        return null;
    }

    /** True if a request must be queued to apply the waiting edits (none is queued yet). */
    synchronized boolean needsRequest() {
        if (requested || waiting.isEmpty()) return false;
        requested = true;
        return true;
    }

    /** The queued request was refused or dropped: the next edit queues another. */
    synchronized void requestLost() { requested = false; }

    /** Takes every waiting edit (on the request's turn); an edit after this queues a new request. */
    synchronized List<Edit> takeAll() {
        requested = false;
        List<Edit> all = new ArrayList<>(waiting);
        waiting.clear();
        return all;
    }
}
