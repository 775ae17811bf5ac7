package org.nnplayground.playground.session;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.nnplayground.playground.nn.EpochStats;

/**
 * A session's run as it trains: the run and its state (paused, playing, diverged; a step's waiting
 * epochs), and what a turn does with it after the requests: an owed frame, epochs while the slice
 * lasts, the course views' feed, background work and a checkpoint. Touched only on the session's
 * turn; the volatile fields are what socket threads read to decide on a wake-up.
 */
final class LiveRun {
    private final Audience audience;
    private final SessionListener owner;
    private final FrameOutbox outbox;
    private final RunHistory runHistory = new RunHistory();
    private final InsightsFeed insights = new InsightsFeed();
    private final DigitsFeed digits = new DigitsFeed();
    private volatile SessionState state = SessionState.PAUSED;
    private volatile boolean closed;
    private TrainingRun run;
    private SessionDescription description;
    /** Runs built so far (loads and rebuilding settings): tells a summary's run from the one before. */
    private volatile long builds;
    /** Epochs a step still has to train. */
    private volatile int pendingEpochs;
    private int epochsPerFrame = 1;
    private BackgroundWork background;
    private final SessionSummaries summaries = new SessionSummaries();
    private volatile CheckpointSchedule checkpoints;
    /** The drawing's points changed since the page last got them (see {@link #drawingChanged}). */
    private volatile boolean pointsOwed;
    private long pointsSentNanos = System.nanoTime() - POINTS_PERIOD_NANOS;
    /**
     * A drawing's points go to the page at most this often: a flood of points (each batch a turn)
     * costs a few messages a second, each the whole drawing, while a click still shows at once.
     */
    static final long POINTS_PERIOD_NANOS = 200_000_000L;

    LiveRun(SessionListener owner, Audience audience, int evalSize) {
        this.owner = owner;
        this.audience = audience;
        this.outbox = new FrameOutbox(evalSize);
    }

    /**
     * The turn's work after its requests: an owed frame, epochs, the course views, background
     * work and a checkpoint, each started only while the slice lasts; true if anything was done.
     */
    boolean work(TurnAccount account, boolean requestsRan, long start, long sliceNanos, long tick) {
        boolean worked = sendPointsIfDue(start);
        worked |= measureFigures(requestsRan, start, sliceNanos);
        worked |= sendFrameIfDue(account, start, sliceNanos, tick);
        // a light run's first epoch runs even if the frame spent the slice (SessionScheduler)
        boolean first = !requestsRan && account.light(builds);
        int epochs = 0;
        while (!closed && mayTrain() && (first && epochs == 0 || System.nanoTime() - start < sliceNanos)) {
            trainOne(account, start + sliceNanos);
            epochs++;
        }
        worked |= epochs > 0;
        worked |= sendFrameIfDue(account, start, sliceNanos, tick);
        if (!closed && !figuresPending()) insights.maybeSend(run, state == SessionState.PLAYING, System.nanoTime(), owner);
        if (!closed) digits.maybeSend(run, state == SessionState.PLAYING || pendingEpochs > 0, System.nanoTime(), owner);
        worked |= runBackground(start, sliceNanos);
        CheckpointSchedule cp = checkpoints; // a few comparisons, a copy when one is due
        if (cp != null && !closed && !figuresPending()) cp.afterTurn(run, runHistory, state == SessionState.PLAYING || pendingEpochs > 0, System.nanoTime());
        return worked;
    }

    /**
     * True if another epoch may run now: a step is waiting, or playing has not yet trained this
     * frame's epochs; never while the client has not acknowledged its frames (a client that stops
     * reading costs no CPU) or the history of unsent epochs is full.
     */
    private boolean mayTrain() {
        if (run == null || figuresPending() || state == SessionState.DIVERGED || outbox.full() || !owner.canSendFrame()) return false;
        if (pendingEpochs > 0) return true;
        return state == SessionState.PLAYING && outbox.wantsEpochs(epochsPerFrame);
    }

    /** Sends the owed frame if the client can take it, the slice is not spent and it is complete and due; true if sent. */
    private boolean sendFrameIfDue(TurnAccount account, long start, long sliceNanos, long tick) {
        if (closed || !outbox.owed() || run == null || figuresPending() || System.nanoTime() - start >= sliceNanos || !owner.canSendFrame()) return false;
        boolean playing = state == SessionState.PLAYING;
        // one frame per tick: a time rule (since the last frame) lost a session served late in one tick and early in the next a tick
        boolean paced = playing || pendingEpochs > 0;
        if (!outbox.complete(playing, epochsPerFrame) || paced && !account.frameDue(tick)) return false;
        EpochStats stats = run.trainer().lastStats();
        ByteBuffer frame = outbox.take(run, stats, paced);
        summaries.publish(this, stats, outbox);
        audience.frame(frame);
        insights.changed();
        account.frameSent(tick);
        return true;
    }

    /** Sends the drawing's points if they changed and the last ones went long enough ago; true if sent. */
    private boolean sendPointsIfDue(long now) {
        if (closed || !pointsOwed || now - pointsSentNanos < POINTS_PERIOD_NANOS) return false;
        pointsOwed = false;
        pointsSentNanos = now;
        description = description.withPoints(run);
        audience.points(description.train(), description.test());
        return true;
    }

    /** True while the run's figures (an image run's epoch 0, or a restored one's) are measured in pieces. */
    private boolean figuresPending() { return run != null && run.trainer().figuresPending(); }

    /**
     * Measures pending figures in pieces while the slice lasts, at least one piece in a turn without
     * requests (none if the requests spent the slice: a build's turn passes no image); when they are
     * done the chart gets them and the frame goes.
     */
    private boolean measureFigures(boolean requestsRan, long start, long sliceNanos) {
        if (closed || !figuresPending() || requestsRan && System.nanoTime() - start >= sliceNanos) return false;
        if (run.trainer().measureSlice(start + sliceNanos)) figuresMeasured();
        return true;
    }

    /** The figures of a new run are in: its epoch 0 starts the chart (a restored run has its chart). */
    private void figuresMeasured() {
        EpochStats stats = run.trainer().lastStats();
        if (runHistory.isEmpty()) {
            runHistory.add(stats);
            outbox.restart(List.of(stats));
        } else outbox.owe();
        undiverge(stats);
        summaries.publish(this, stats, outbox);
    }

    /** Measures pending figures now, in this turn (a save or a checkpoint needs the whole chart). */
    void settleFigures() {
        if (figuresPending()) {
            run.trainer().lastStats();
            figuresMeasured();
        }
    }

    /** Trains an epoch, or (image runs) pieces of one until {@code deadlineNanos}. */
    private void trainOne(TurnAccount account, long deadlineNanos) {
        // CPU time, not wall time: an epoch stretched by other processes or a GC pause is not heavy
        boolean measure = account.measuresEpochs(builds);
        long cpu = measure ? TurnAccount.threadCpuNanos() : 0;
        EpochStats stats = run.trainer().trainSlice(deadlineNanos);
        if (measure) account.epochTook(builds, TurnAccount.threadCpuNanos() - cpu);
        if (stats == null) { // the epoch goes on next turn; the page sees its progress
            digits.advanced();
            return;
        }
        digits.changed();
        if (pendingEpochs > 0) pendingEpochs--;
        outbox.epoch(stats);
        runHistory.add(stats);
        if (stats.diverged()) setState(SessionState.DIVERGED, stats.divergence());
        else if (run.trainer().stoppedEarly()) stoppedEarly();
    }

    private void stoppedEarly() {
        stopStepping();
        var stop = run.trainer().earlyStopping();
        setState(SessionState.PAUSED, "Stopped early: the test loss has not improved for " + stop.patience()
                + " epochs, so the weights of epoch " + stop.bestEpoch() + " (the best) are back.");
    }

    /** Runs a slice of background work if there is time left; true if it did (its cost is then charged). */
    private boolean runBackground(long start, long sliceNanos) {
        if (closed || background == null || System.nanoTime() - start >= sliceNanos) return false;
        if (!background.runSlice(start + sliceNanos, owner)) background = null;
        return true;
    }

    /** True if this run has work it can do now (so its turn should come again soon). */
    boolean wantsTurn() {
        if (closed || !owner.canSendFrame()) return false;
        if (figuresPending()) return true;
        if (pendingEpochs > 0 && run != null && state != SessionState.DIVERGED) return true;
        return outbox.owed() && state != SessionState.PLAYING; // a frame owed; playing ones wait for the ticker
    }

    /** True while the ticker should wake the session every frame: it plays or works in the background. */
    boolean wantsTicks() { return !closed && (state == SessionState.PLAYING || background != null || pointsOwed); }

    /** A new run (a load, a rebuilding setting, a restore): paused at its epoch 0. */
    void rebuild(TrainingRun next, List<String> warnings) {
        stopStepping();
        run = next;
        pointsOwed = false; // the description has the new run's points
        epochsPerFrame = next.settings().speed();
        if (!next.warnings().isEmpty()) {
            warnings = new ArrayList<>(warnings);
            warnings.addAll(next.warnings());
        }
        description = SessionDescription.of(next, warnings);
        outbox.newRun(next, description);
        builds++;
        audience.description(description);
        restart();
    }

    /** New weights for the current run (reset): a new run for a class's best-so-far, which starts again from it. */
    void newWeights() {
        requireRun().resetWeights();
        builds++;
        restart();
    }

    /** Epoch 0 of the current run: history restarts, a fresh frame, paused. */
    void restart() {
        stopStepping();
        runHistory.clear();
        // an image run's epoch 0 is measured in the turns that follow (figuresMeasured)
        outbox.restart(figuresPending() ? List.of() : List.of(run.trainer().lastStats()));
        if (!figuresPending()) runHistory.add(run.trainer().lastStats());
        insights.attach(run);
        digits.changed();
        setState(SessionState.PAUSED, null);
    }

    /** The run now has these settings (same network); a slice change shows another plane. */
    void settingsChanged(TrainingRun next, boolean newPlane) {
        run = next;
        if (!newPlane) return;
        outbox.newPlane(next);
        description = SessionDescription.of(next, next.warnings());
        audience.description(description);
        digits.galleryWanted(); // the page starts its digit views again on a description
    }

    /**
     * The same run on the drawing's points as they now stand ({@link TrainingRun#withDrawing}): it
     * goes on from its epoch and trains at once (paused when no point is left); the page gets the
     * points in a {@code points} message, at most every {@link #POINTS_PERIOD_NANOS}.
     */
    void drawingChanged(TrainingRun next) {
        stopStepping();
        run = next;
        pointsOwed = true;
        EpochStats stats = next.trainer().lastStats();
        if (next.trainer().untrainableReason() != null) {
            if (state == SessionState.PLAYING) setState(SessionState.PAUSED, null);
        } else if (stats.diverged()) {
            if (state != SessionState.DIVERGED) setState(SessionState.DIVERGED, stats.divergence());
        } else {
            setState(SessionState.PLAYING, null);
        }
        outbox.owe();
    }

    /** A weight or bias was edited: new statistics, and a diverged run may train again. */
    void edited() {
        run.trainer().measureLater(); // an image run's in the turns that follow
        if (!figuresPending()) undiverge(run.trainer().lastStats());
        outbox.owe();
    }

    private void undiverge(EpochStats stats) {
        if (state == SessionState.DIVERGED && !stats.diverged()) setState(SessionState.PAUSED, null);
    }

    void setState(SessionState next, String message) {
        boolean changed = next != state || message != null;
        state = next;
        if (changed || next == SessionState.PAUSED) audience.status(next, message);
        if (run != null && changed && !figuresPending()) summaries.publish(this, run.trainer().lastStats(), outbox);
    }

    void play() {
        requireRun();
        stopStepping();
        String reason = run.trainer().untrainableReason();
        if (reason != null) throw new IllegalStateException("cannot train: " + reason);
        if (state == SessionState.DIVERGED) throw new IllegalStateException("training diverged: reset the network first");
        setState(SessionState.PLAYING, null);
    }

    void pause() {
        stopStepping();
        if (state == SessionState.PLAYING) setState(SessionState.PAUSED, null);
    }

    /** A step of {@code epochs} more (pausing first), at most {@code max} waiting in all. */
    void step(int epochs, int max) {
        requireRun();
        if (epochs < 1 || epochs > max) throw new IllegalArgumentException("step takes 1 to " + max + " epochs");
        // refused as play is: queued epochs of a network that cannot train would fail every turn
        String reason = run.trainer().untrainableReason();
        if (reason != null) throw new IllegalStateException("cannot train: " + reason);
        if (state == SessionState.PLAYING) setState(SessionState.PAUSED, null);
        if (state == SessionState.DIVERGED) throw new IllegalStateException("training diverged: reset the network first");
        if (pendingEpochs + epochs > max) {
            throw new IllegalArgumentException("at most " + max + " epochs may wait; " + pendingEpochs + " are still to train");
        }
        pendingEpochs += epochs;
    }

    /** Drops the epochs a step still had to train (a newer request supersedes it). */
    void stopStepping() { pendingEpochs = 0; }

    int pendingEpochs() { return pendingEpochs; }

    void epochsPerFrame(int epochs) { epochsPerFrame = epochs; }

    void background(BackgroundWork work) { background = work; }

    void checkpointTo(CheckpointSchedule schedule) { checkpoints = schedule; }

    CheckpointSchedule checkpoints() { return checkpoints; }

    /** A checkpoint now, if the run has a schedule: the session stops after it (a server draining), so it is settled. */
    void checkpointNow() {
        CheckpointSchedule cp = checkpoints;
        settleFigures();
        if (cp != null && run != null) cp.capture(run, runHistory, true, System.nanoTime());
    }

    /** Shows the run to a new viewer, or again to the owner on a new socket. */
    void showTo(SessionListener listener) {
        if (run == null) return;
        if (pointsOwed) description = description.withPoints(run);
        listener.description(description);
        // a live setting (learning rate, ...) changed since the run was built: its link is newer than the description's
        String link = run.settings().toHash();
        if (!link.equals(description.link())) listener.link(link);
        listener.status(state, null);
        outbox.owe();
        if (listener == owner) digits.galleryWanted(); // a new page: it has no gallery yet
    }

    void close() {
        closed = true;
        pendingEpochs = 0;
    }

    boolean closed() { return closed; }

    TrainingRun run() { return run; }

    SessionState state() { return state; }

    long builds() { return builds; }

    SessionDescription description() { return description; }

    RunHistory runHistory() { return runHistory; }

    FrameOutbox outbox() { return outbox; }

    InsightsFeed insights() { return insights; }

    SessionSummaries summaries() { return summaries; }

    DigitsFeed digits() { return digits; }

    TrainingRun requireRun() {
        if (run == null) throw new IllegalStateException("load a playground link first");
        return run;
    }
}
