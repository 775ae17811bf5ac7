package org.nnplayground.playground.session;

/**
 * Sends an image run's {@link DigitsReport}s: the progress of the epoch in progress at most
 * {@link #PROGRESS_PER_SECOND} times a second, and the full report (weight images, gallery,
 * confusion matrix: about 175 kB for the book's network, in parts under 64 KiB) when the run is built, after an epoch (at
 * most once a {@link #FULL_INTERVAL_NANOS}), and when training stops. Runs on plain data send nothing.
 */
final class DigitsFeed {
    static final int PROGRESS_PER_SECOND = 4;
    private static final long PROGRESS_INTERVAL_NANOS = 1_000_000_000L / PROGRESS_PER_SECOND;
    static final long FULL_INTERVAL_NANOS = 1_000_000_000L;

    private boolean fullDue;
    private boolean progressDue;
    private long lastProgress = Long.MIN_VALUE / 2;
    private long lastFull = Long.MIN_VALUE / 2;

    /** A new run, new weights or an ended epoch: the full report is due. */
    void changed() { fullDue = true; }

    /** A piece of an epoch was trained: progress is due. */
    void advanced() { progressDue = true; }

    /** Sends what is due and what the rates allow; {@code playing}: training goes on (else a due full report goes at once). */
    void maybeSend(TrainingRun run, boolean playing, long now, SessionListener listener) {
        if (run == null || !run.isImage()) return;
        if (fullDue && (!playing || now - lastFull >= FULL_INTERVAL_NANOS)) {
            for (DigitsReport part : DigitsReport.full(run)) listener.digits(part);
            fullDue = false;
            progressDue = false;
            lastFull = now;
            lastProgress = now;
        } else if (progressDue && now - lastProgress >= PROGRESS_INTERVAL_NANOS) {
            listener.digits(DigitsReport.of(run, false));
            progressDue = false;
            lastProgress = now;
        }
    }
}
