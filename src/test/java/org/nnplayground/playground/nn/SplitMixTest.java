package org.nnplayground.playground.nn;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SplitMixTest {
    @Test
    void drawsTheSameNumbersAsSplittableRandom() {
        for (long seed : new long[] {0, 1, -7, 123456789L, "0.12345".hashCode()}) {
            SplittableRandom jdk = new SplittableRandom(seed);
            SplitMix ours = new SplitMix(seed);
            int[] bounds = {1, 2, 3, 7, 10, 64, 100, 1000, 1 << 20, 1_000_003, Integer.MAX_VALUE};
            for (int i = 0; i < 200_000; i++) {
                if (i % 3 == 0) assertEquals(Double.doubleToRawLongBits(jdk.nextDouble()), Double.doubleToRawLongBits(ours.nextDouble()));
                else {
                    int bound = bounds[i % bounds.length];
                    assertEquals(jdk.nextInt(bound), ours.nextInt(bound), "draw " + i + " bound " + bound);
                }
            }
        }
    }

    @Test
    void stateResumesTheSequence() {
        SplitMix a = new SplitMix(42);
        for (int i = 0; i < 1000; i++) a.nextInt(17);
        SplitMix b = new SplitMix(0);
        b.setState(a.state());
        for (int i = 0; i < 1000; i++) assertEquals(a.nextDouble(), b.nextDouble());
    }
}
