package org.nnplayground.playground.export;

import org.nnplayground.playground.session.RunHistory;

/** A run's chart as CSV: one row per epoch; empty cells where there is no figure (no test data). */
public final class LossesCsv {
    private LossesCsv() {}

    /** {@code classification} names the metric columns accuracy, else r2. */
    public static String of(RunHistory.Record h, boolean classification) {
        String metric = classification ? "accuracy" : "r2";
        StringBuilder b = new StringBuilder("epoch,loss_train,loss_test,").append(metric).append("_train,").append(metric).append("_test\n");
        for (int i = 0; i < h.size(); i++) {
            b.append(h.firstEpoch() + i).append(',').append(cell(h.lossTrain()[i])).append(',').append(cell(h.lossTest()[i]))
                    .append(',').append(cell(h.metricTrain()[i])).append(',').append(cell(h.metricTest()[i])).append('\n');
        }
        return b.toString();
    }

    private static String cell(float v) { return Float.isNaN(v) ? "" : Float.toString(v); }
}
