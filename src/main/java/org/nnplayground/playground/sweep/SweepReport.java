package org.nnplayground.playground.sweep;

import java.util.List;

/**
 * A sweep's state for the page (docs/protocol.md, message {@code sweep}).
 *
 * @param state   running, done, cancelled or error
 * @param keys    the varied settings, in order
 * @param metric  "accuracy" or "r2" (null until a run has finished)
 * @param message the error, or null
 */
public record SweepReport(String state, List<String> keys, int done, int total, int currentEpoch, int epochs,
                          double target, String metric, List<SweepRow> rows, String message) {

    static SweepReport of(String state, Sweep sweep) {
        return new SweepReport(state, sweep.plan().axes().stream().map(SweepPlan.Axis::key).toList(), sweep.done(), sweep.total(),
                sweep.currentEpoch(), sweep.plan().epochs(), sweep.plan().target(), sweep.metricName(), sweep.rows(), null);
    }

    /** A sweep that could not start, and why. */
    public static SweepReport error(String message) {
        return new SweepReport("error", List.of(), 0, 0, 0, 0, 0, null, List.of(), message);
    }
}
