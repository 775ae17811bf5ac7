package org.nnplayground.playground.nn;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The square loss computes TF Playground's 0.5 * Math.pow(d, 2) with d * d: the same bits. */
class LossKindTest {

    @Test
    void squareLossEqualsHalfOfPowTwoBitForBit() {
        SplittableRandom r = new SplittableRandom(17);
        for (int i = 0; i < 2_000_000; i++) {
            double d = switch (i % 4) {
                case 0 -> r.nextDouble(-3, 3);
                case 1 -> Double.longBitsToDouble(r.nextLong());
                case 2 -> r.nextDouble() * 1e-150;
                default -> r.nextGaussian() * 1e10;
            };
            if (Double.isNaN(d)) continue;
            double expected = 0.5 * StrictMath.pow(d, 2);
            assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(LossKind.SQUARE.loss(d, 0)), "d = " + d);
        }
    }
}
