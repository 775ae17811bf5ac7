package org.nnplayground.playground.session;

import org.nnplayground.playground.nn.EpochStats;

import java.util.Arrays;

/** Every epoch's losses since the last frame was sent, so the browser's chart misses none. */
final class LossHistory {
    /** A client that stops reading for this many epochs makes training wait (bounded memory). */
    static final int CAPACITY = 20_000;

    private float[] train = new float[64];
    private float[] test = new float[64];
    private int firstEpoch;
    private int count;

    void add(EpochStats s) {
        if (count == 0) firstEpoch = s.epoch();
        if (count == train.length) {
            train = Arrays.copyOf(train, Math.min(CAPACITY, count * 2));
            test = Arrays.copyOf(test, train.length);
        }
        train[count] = (float) s.train().loss();
        test[count] = s.test() == null ? Float.NaN : (float) s.test().loss();
        count++;
    }

    boolean isFull() { return count >= CAPACITY; }

    int firstEpoch() { return firstEpoch; }

    int count() { return count; }

    float train(int i) { return train[i]; }

    float test(int i) { return test[i]; }

    void clear() { count = 0; }
}
