package org.nnplayground.playground.session;

import org.nnplayground.playground.data.DataSet;
import org.nnplayground.playground.link.PlaygroundLink;
import org.nnplayground.playground.link.PlaygroundSettings;
import org.nnplayground.playground.nn.TrainerState;

import java.security.SecureRandom;

/**
 * A run as it stands, with everything needed to go on from here bit for bit: the link (which
 * regenerates the same data, split and network), the uploaded CSV data set if any, how far the
 * seeded stream has been drawn (later resets and regenerations draw from there), the trainer's
 * state and the history of every epoch.
 *
 * @param uploaded null for generated data
 */
public record RunSnapshot(String link, DataSet uploaded, long randomDraws, TrainerState trainer, RunHistory.Record history) {

    /** Copies a run's state (on the session's turn: the run is not touched by anyone else). */
    public static RunSnapshot capture(TrainingRun run, RunHistory history) {
        return new RunSnapshot(run.settings().toHash(), run.uploaded(), run.randomDraws(), run.trainer().state(), history.snapshot());
    }

    /** The epoch it was saved at. */
    public int epoch() { return trainer.epoch(); }

    /** Builds the run again: same data and split from the link (or the CSV), then the saved state on top. */
    public TrainingRun restore() {
        PlaygroundSettings settings = PlaygroundLink.parse(link, new SecureRandom()).settings();
        TrainingRun run = TrainingRun.build(RunPlanner.plan(settings, uploaded));
        run.skipRandomTo(randomDraws);
        run.trainer().restore(trainer);
        return run;
    }
}
