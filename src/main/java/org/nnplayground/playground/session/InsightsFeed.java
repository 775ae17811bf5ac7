package org.nnplayground.playground.session;

/**
 * Sends a session's {@link InsightsReport} when the page shows the course views: at most
 * {@link #MAX_PER_SECOND} a second while playing, and one when training stops or a step ends.
 * Off (the default) it does nothing, and the trainer collects no gradient statistics.
 */
final class InsightsFeed {
    static final int MAX_PER_SECOND = 4;
    private static final long INTERVAL_NANOS = 1_000_000_000L / MAX_PER_SECOND;

    private boolean on;
    private boolean pending;
    private long lastSent = Long.MIN_VALUE / 2;

    /** Turns the views on or off; the gradient statistics follow. */
    void enable(boolean enable, TrainingRun run) {
        on = enable;
        pending = enable;
        if (run != null) run.trainer().collectGradients(enable);
    }

    /** A new trainer (rebuild or reset) starts collecting again if the views are on. */
    void attach(TrainingRun run) {
        if (on) run.trainer().collectGradients(true);
        pending = on;
    }

    /** The network changed and a frame went out: the views are due an update. */
    void changed() { pending = on; }

    /** Sends a report if one is due and the rate allows it. */
    void maybeSend(TrainingRun run, boolean playing, long now, SessionListener listener) {
        if (!pending || run == null) return;
        if (playing && now - lastSent < INTERVAL_NANOS) return;
        listener.insights(InsightsReport.of(run));
        pending = false;
        lastSent = now;
    }
}
