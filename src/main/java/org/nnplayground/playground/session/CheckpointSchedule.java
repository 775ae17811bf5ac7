package org.nnplayground.playground.session;

import java.time.Duration;

/**
 * When one session writes its run to the {@link Checkpoints} (so another replica can take it over),
 * from the first turn its run has trained on (never for a session that did not train): at the
 * end of the session's own turn, when a new run was built or restored (a load, a rebuild, a
 * teacher's push), when it stops training (a pause, a step's last epoch), every {@code every} while
 * it trains and the epoch moves, and at most every {@code every / 5} after a setting changed; also on demand ({@link Session#checkpointNow}: a server draining).
 * <p>
 * The capture is a copy of the run's state on the trainer thread (the run is not touched by
 * anyone else during the turn); encoding and the database are the store's own thread's work. The
 * look at the end of each turn is a few comparisons; a C1 run's copy costs microseconds, the
 * largest network's (100k parameters) about a millisecond (docs/benchmarks.md).
 */
public final class CheckpointSchedule {
    private final Checkpoints store;
    private final long everyNanos;
    private volatile String key;
    // touched only on the session's turn
    private Object lastTrainer;
    private Object lastRun;
    private int lastEpoch = -1;
    private long lastNanos;
    private volatile long lastSavedMillis;

    /** Checkpoints under {@code key} (e.g. {@code solo:<token hash>}, {@code student:<id>}) every {@code every} while training. */
    public CheckpointSchedule(Checkpoints store, String key, Duration every) {
        this.store = store;
        this.key = key;
        this.everyNanos = every.toNanos();
    }

    public String key() { return key; }

    /** From now on the run is saved under {@code next} (a page resumed with its older token keeps its key). */
    public void key(String next) { key = next; }

    /** When this session last saved a checkpoint (epoch ms; 0: never). */
    public long lastSavedMillis() { return lastSavedMillis; }

    /**
     * The end of a turn ({@code training}: playing or stepping): a checkpoint if the run is new, has
     * just stopped training, or trained on for {@code every}. An idle session gets no turns, so
     * what changes while idle (a setting within a second of the last checkpoint) waits for its next one.
     */
    void afterTurn(TrainingRun run, RunHistory history, boolean training, long now) {
        if (run == null) return;
        // a session that has never trained writes nothing: its untrained run is its link again, and
        // a page that loads a big network and vanishes at once must not leave megabytes behind (once
        // one was written, a new untrained run replaces it, so a resume never brings back an older run)
        if (lastTrainer == null && run.trainer().epoch() == 0) return;
        // stopped: not training now, with epochs not yet checkpointed (a short step may start and end
        // within one turn, so "was training at the last turn's end" would miss it)
        boolean stopped = !training && run.trainer().epoch() != lastEpoch;
        boolean rebuilt = run.trainer() != lastTrainer;            // a new network (load, rebuild, restore, push, reset)
        // a setting changed, or the drawing's points (in place, as they come): a flood of points
        // writes at most one checkpoint per every / 5
        boolean changed = run != lastRun;
        boolean due = run.trainer().epoch() != lastEpoch && now - lastNanos >= everyNanos;
        if (rebuilt || stopped || due || (changed && now - lastNanos >= everyNanos / 5)) capture(run, history, !training, now);
    }

    /** A checkpoint now (on the session's turn); {@code settled}: the run does not train on after it. */
    void capture(TrainingRun run, RunHistory history, boolean settled, long now) {
        RunSnapshot snapshot = RunSnapshot.capture(run, history);
        store.save(key, snapshot, settled);
        lastSavedMillis = System.currentTimeMillis(); // after: never earlier than the time the store gives the save
        lastTrainer = run.trainer();
        lastRun = run;
        lastEpoch = run.trainer().epoch();
        lastNanos = now;
    }
}
