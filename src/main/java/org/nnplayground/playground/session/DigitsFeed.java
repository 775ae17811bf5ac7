package org.nnplayground.playground.session;

/**
 * Sends an image run's {@link DigitsReport}s: the progress of the epoch in progress at most
 * {@link #PROGRESS_PER_SECOND} times a second, and the full report (gallery, confusion matrix and,
 * while the page shows them, the weight images: about 175 kB for the book's network, in parts under
 * 64 KiB) when the run is built, after an epoch (at most once a {@link #FULL_INTERVAL_NANOS}), when
 * training stops and when the weight images come back into view. Runs on plain data send nothing.
 */
final class DigitsFeed {
    static final int PROGRESS_PER_SECOND = 4;
    private static final long PROGRESS_INTERVAL_NANOS = 1_000_000_000L / PROGRESS_PER_SECOND;
    static final long FULL_INTERVAL_NANOS = 1_000_000_000L;

    private boolean fullDue;
    /** The page shows the weight images (it says when they leave the screen or the tab is hidden). */
    private boolean weightsShown = true;
    private boolean progressDue;
    private long lastProgress = Long.MIN_VALUE / 2;
    private long lastFull = Long.MIN_VALUE / 2;

    /** A new run, new weights or an ended epoch: the full report is due. */
    void changed() { fullDue = true; }

    /** The page shows ({@code true}) or no longer shows the weight images; shown again, they are due. */
    void weightsShown(boolean shown) {
        if (shown && !weightsShown) fullDue = true;
        weightsShown = shown;
    }

    /** A piece of an epoch was trained: progress is due. */
    void advanced() { progressDue = true; }

    /** Sends what is due and what the rates allow; {@code playing}: training goes on (else a due full report goes at once). */
    void maybeSend(TrainingRun run, boolean playing, long now, SessionListener listener) {
        if (run == null || !run.isImage()) return;
        if (fullDue && (!playing || now - lastFull >= FULL_INTERVAL_NANOS)) {
            for (DigitsReport part : DigitsReport.full(run, weightsShown)) listener.digits(part);
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
