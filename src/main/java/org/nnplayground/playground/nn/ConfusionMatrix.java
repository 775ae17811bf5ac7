package org.nnplayground.playground.nn;

import java.util.function.Function;

/**
 * Counts of (actual class, predicted class) pairs over a set of samples: row = actual, column =
 * predicted, so the diagonal holds the correct answers and each row sums to that class's samples.
 */
public final class ConfusionMatrix {
    private final int[][] counts;

    public ConfusionMatrix(int numClasses) {
        if (numClasses < 2) throw new IllegalArgumentException("a confusion matrix needs at least 2 classes");
        counts = new int[numClasses][numClasses];
    }

    /** Counts every sample of {@code data}, predicted by {@code predict} (its output units). */
    public static ConfusionMatrix of(TrainingData data, Function<double[], double[]> predict, Activation outputActivation) {
        ConfusionMatrix m = new ConfusionMatrix(data.numClasses());
        for (int i = 0; i < data.size(); i++) {
            int actual = OutputDecoder.classIndex(data.labels()[i], data.numClasses());
            m.add(actual, OutputDecoder.classOf(predict.apply(data.inputs()[i]), outputActivation));
        }
        return m;
    }

    /** One sample of class {@code actual} predicted as {@code predicted}. */
    public void add(int actual, int predicted) { counts[actual][predicted]++; }

    public int numClasses() { return counts.length; }

    public int count(int actual, int predicted) { return counts[actual][predicted]; }

    /** Samples counted. */
    public int total() {
        int n = 0;
        for (int[] row : counts) for (int c : row) n += c;
        return n;
    }

    /** Samples on the diagonal. */
    public int correct() {
        int n = 0;
        for (int k = 0; k < counts.length; k++) n += counts[k][k];
        return n;
    }

    /** The counts, row = actual, column = predicted (a copy). */
    public int[][] counts() {
        int[][] copy = new int[counts.length][];
        for (int k = 0; k < counts.length; k++) copy[k] = counts[k].clone();
        return copy;
    }

    /** Each cell as a fraction of its row (the actual class's recall on the diagonal); 0 for empty rows. */
    public double[][] rates() {
        double[][] r = new double[counts.length][counts.length];
        for (int a = 0; a < counts.length; a++) {
            int rowTotal = 0;
            for (int c : counts[a]) rowTotal += c;
            for (int p = 0; p < counts.length && rowTotal > 0; p++) r[a][p] = (double) counts[a][p] / rowTotal;
        }
        return r;
    }
}
