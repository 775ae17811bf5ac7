package org.nnplayground.playground.session;

import org.nnplayground.playground.nn.EpochStats;
import org.nnplayground.playground.nn.Metrics;

import java.util.Arrays;

/**
 * Every epoch's losses and metrics of the current run, kept so that a saved run has its whole
 * chart. Bounded: the most recent {@link #CAPACITY} epochs (16 bytes each, at most 160 KB a
 * session); older ones are dropped, half of them at a time.
 */
public final class RunHistory {
    /** Epochs kept; a run trained longer keeps its last ones. */
    public static final int CAPACITY = 10_000;

    private float[] lossTrain = new float[64];
    private float[] lossTest = new float[64];
    private float[] metricTrain = new float[64];
    private float[] metricTest = new float[64];
    private int firstEpoch;
    private int count;

    /** Appends one epoch; an epoch that does not follow the last one starts the history again. */
    public void add(EpochStats s) {
        if (count > 0 && s.epoch() != firstEpoch + count) count = 0;
        if (count == 0) firstEpoch = s.epoch();
        if (count == CAPACITY) dropOldestHalf();
        if (count == lossTrain.length) grow(Math.min(CAPACITY, count * 2));
        lossTrain[count] = (float) s.train().loss();
        lossTest[count] = s.test() == null ? Float.NaN : (float) s.test().loss();
        metricTrain[count] = metric(s.train());
        metricTest[count] = s.test() == null ? Float.NaN : metric(s.test());
        count++;
    }

    void clear() { count = 0; }

    boolean isEmpty() { return count == 0; }

    /** An immutable copy. */
    public Record snapshot() {
        return new Record(firstEpoch, Arrays.copyOf(lossTrain, count), Arrays.copyOf(lossTest, count),
                Arrays.copyOf(metricTrain, count), Arrays.copyOf(metricTest, count));
    }

    /** Replaces the history by a saved one. */
    void restore(Record r) {
        count = 0;
        grow(Math.max(64, r.size()));
        firstEpoch = r.firstEpoch();
        System.arraycopy(r.lossTrain(), 0, lossTrain, 0, r.size());
        System.arraycopy(r.lossTest(), 0, lossTest, 0, r.size());
        System.arraycopy(r.metricTrain(), 0, metricTrain, 0, r.size());
        System.arraycopy(r.metricTest(), 0, metricTest, 0, r.size());
        count = r.size();
    }

    private static float metric(Metrics m) {
        if (m.accuracy() != null) return m.accuracy().floatValue();
        return m.r2() != null ? m.r2().floatValue() : Float.NaN;
    }

    private void dropOldestHalf() {
        int drop = count / 2;
        for (float[] a : new float[][] {lossTrain, lossTest, metricTrain, metricTest}) System.arraycopy(a, drop, a, 0, count - drop);
        firstEpoch += drop;
        count -= drop;
    }

    private void grow(int size) {
        lossTrain = Arrays.copyOf(lossTrain, size);
        lossTest = Arrays.copyOf(lossTest, size);
        metricTrain = Arrays.copyOf(metricTrain, size);
        metricTest = Arrays.copyOf(metricTest, size);
    }

    /**
     * Epochs firstEpoch .. firstEpoch + size - 1; NaN where there is no figure (no test data).
     * The metric is accuracy for classification, R^2 for regression.
     */
    public record Record(int firstEpoch, float[] lossTrain, float[] lossTest, float[] metricTrain, float[] metricTest) {
        public int size() { return lossTrain.length; }

        /** The figures of entry i as epoch stats (accuracy or R^2 by {@code classification}). */
        EpochStats stats(int i, boolean classification) {
            Metrics train = metrics(lossTrain[i], metricTrain[i], classification);
            Metrics test = Float.isNaN(lossTest[i]) ? null : metrics(lossTest[i], metricTest[i], classification);
            return new EpochStats(firstEpoch + i, train, test, null);
        }

        private static Metrics metrics(float loss, float metric, boolean classification) {
            Double m = Float.isNaN(metric) ? null : (double) metric;
            return classification ? new Metrics(loss, m, null) : new Metrics(loss, null, m);
        }
    }
}
