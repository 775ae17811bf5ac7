package org.nnplayground.playground.sweep;

import org.nnplayground.playground.session.BackgroundWork;
import org.nnplayground.playground.session.SessionListener;
import org.nnplayground.playground.session.TrainingRun;

/**
 * A sweep as a session's background work: built from the student's current settings and data when
 * its turn comes, then advanced a slice per turn, reporting progress at most {@link #REPORTS_PER_SECOND}
 * times a second and the whole table when done. Closing the socket ends the session and with it the sweep.
 */
public final class SweepJob implements BackgroundWork {
    static final int REPORTS_PER_SECOND = 4;
    private static final long REPORT_INTERVAL = 1_000_000_000L / REPORTS_PER_SECOND;

    private final SweepPlan plan;
    private Sweep sweep;
    private String failure;
    private long lastReport = Long.MIN_VALUE / 2;

    public SweepJob(SweepPlan plan) { this.plan = plan; }

    @Override
    public void begin(TrainingRun current) {
        if (current == null) {
            failure = "load a playground link first";
            return;
        }
        try {
            sweep = new Sweep(plan, current.settings(), current.uploaded());
        } catch (IllegalArgumentException e) {
            failure = e.getMessage();
        }
    }

    @Override
    public boolean runSlice(long deadlineNanos, SessionListener listener) {
        if (failure != null) {
            listener.background(SweepReport.error(failure));
            return false;
        }
        boolean more = sweep.advance(deadlineNanos);
        long now = System.nanoTime();
        if (!more) listener.background(SweepReport.of("done", sweep));
        else if (now - lastReport >= REPORT_INTERVAL) {
            listener.background(SweepReport.of("running", sweep));
            lastReport = now;
        }
        return more;
    }
}
