package org.nnplayground.playground.room;

import java.util.Arrays;

/**
 * A student's loss curve sampled by the room's ticker (a few points a second), so a reloaded page
 * gets its chart back. Bounded: when full, every other point is dropped (the curve keeps its
 * shape at half the resolution).
 */
public final class ChartLog {
    static final int CAPACITY = 2048;

    private int[] epochs = new int[64];
    private float[] train = new float[64];
    private float[] test = new float[64];
    private int count;

    synchronized void add(int epoch, double lossTrain, double lossTest) {
        if (count > 0 && epoch < epochs[count - 1]) count = 0; // reset or new exercise: a new curve
        if (count > 0 && epoch == epochs[count - 1]) count--;
        if (count == CAPACITY) halve();
        if (count == epochs.length) {
            int n = Math.min(CAPACITY, count * 2);
            epochs = Arrays.copyOf(epochs, n);
            train = Arrays.copyOf(train, n);
            test = Arrays.copyOf(test, n);
        }
        epochs[count] = epoch;
        train[count] = (float) lossTrain;
        test[count] = (float) lossTest;
        count++;
    }

    private void halve() {
        int j = 0;
        for (int i = 0; i < count; i += 2, j++) {
            epochs[j] = epochs[i];
            train[j] = train[i];
            test[j] = test[i];
        }
        count = j;
    }

    /** The points so far: epochs, training and test losses. */
    synchronized Points points() {
        return new Points(Arrays.copyOf(epochs, count), Arrays.copyOf(train, count), Arrays.copyOf(test, count));
    }

    public record Points(int[] epochs, float[] train, float[] test) {}
}
