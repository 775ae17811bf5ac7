package org.nnplayground.playground.session;

/**
 * Sends an image run's {@link DigitsReport}s: the progress of the epoch in progress at most
 * {@link #PROGRESS_PER_SECOND} times a second, and the full report (the gallery's predictions, the
 * confusion matrix and, while the page shows them, the weight images: about 130 kB for the book's
 * network, in parts under 64 KiB) when the run is built, after an epoch (at most once a
 * {@link #FULL_INTERVAL_NANOS}), when training stops and when the weight images come back into view.
 * The gallery's images (42 kB as base64) do not change within a run: they go with the first full
 * report of new test data, or after the page was told the run again. Runs on plain data send nothing.
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
    /** The test data whose gallery images the page has (compared by identity; null: none yet). */
    private Object galleryOf;

    /** A new run, new weights or an ended epoch: the full report is due. */
    void changed() { fullDue = true; }

    /** The page was told the run again (a new socket, a new description) and forgot its gallery: images and all are due. */
    void galleryWanted() {
        galleryOf = null;
        fullDue = true;
    }

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
            Object test = run.trainer().testData();
            boolean images = test != galleryOf;
            for (DigitsReport part : DigitsReport.full(run, weightsShown, images)) listener.digits(part);
            galleryOf = test;
            fullDue = false;
            progressDue = false;
            lastFull = now;
            lastProgress = now;
        } else if (progressDue && now - lastProgress >= PROGRESS_INTERVAL_NANOS) {
            listener.digits(DigitsReport.of(run, false, false));
            progressDue = false;
            lastProgress = now;
        }
    }
}
