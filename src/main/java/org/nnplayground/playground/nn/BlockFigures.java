package org.nnplayground.playground.nn;

/**
 * Loss and accuracy (classification) or R^2 (regression) of a network on one data set, measured a
 * block of samples at a time without dropout, so that a pass over thousands of images can spread
 * over several scheduler turns. The sums run in sample order: the figures are the same whether the
 * blocks come in one call or in many.
 */
final class BlockFigures {
    private final TrainingData data;
    private int from;
    private double loss;
    private int right;
    private double sumLabel;
    private double sumSquaredError;

    BlockFigures(TrainingData data) { this.data = data; }

    boolean done() { return from >= data.size(); }

    /** Passes the next block through {@code prop}; returns the samples passed (0 when done). */
    int next(MatrixPropagation prop, LossKind kind) {
        if (done()) return 0;
        int rows = Math.min(prop.capacity(), data.size() - from);
        var out = prop.forward(data.inputs(), null, from, rows, 0, null);
        loss += prop.lossSum(data.targets(), null, from, kind);
        if (data.numClasses() > 0) right += prop.correct(data.labels(), data.numClasses(), null, from);
        else for (int r = 0; r < rows; r++) {
            double label = data.labels()[from + r];
            double o = out.get(r, 0);
            sumLabel += label;
            sumSquaredError += (o - label) * (o - label);
        }
        from += rows;
        return rows;
    }

    /** The figures once {@link #done()}. */
    Metrics result() {
        if (data.isEmpty()) return new Metrics(Double.NaN, null, null);
        int n = data.size();
        if (data.numClasses() > 0) return new Metrics(loss / n, (double) right / n, null);
        double mean = sumLabel / n;
        double total = 0;
        for (double label : data.labels()) total += (label - mean) * (label - mean);
        return new Metrics(loss / n, null, total == 0 ? 0 : 1 - sumSquaredError / total);
    }
}
