package org.nnplayground.playground.nn;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** StrictTanh and Expm1 return exactly StrictMath's (fdlibm's) bits, on every range and branch edge. */
class StrictTanhTest {
    private static final int PER_RANGE = 1_000_000;

    @Test
    void tanhEqualsStrictMathOnRandomInputsOfEveryRange() {
        SplittableRandom r = new SplittableRandom(20240601);
        // tiny (< 2^-55), subnormal, (2^-55, 1), [1, 22), [22, 1e3), any bit pattern (NaN, Inf, huge)
        checkRange("tiny", r, () -> Math.scalb(r.nextDouble(), -55 - r.nextInt(900)), true);
        checkRange("subnormal", r, () -> Double.longBitsToDouble(r.nextLong() & 0x000fffffffffffffL), true);
        checkRange("below 1", r, r::nextDouble, true);
        checkRange("below 1, log-uniform", r, () -> Math.scalb(1 + r.nextDouble(), -1 - r.nextInt(55)), true);
        checkRange("1 to 22", r, () -> 1 + 21 * r.nextDouble(), true);
        checkRange("around 0.5 ln2 .. 2", r, () -> 0.1 + 2 * r.nextDouble(), true);
        checkRange("22 and up", r, () -> 22 + 1000 * r.nextDouble(), true);
        checkRange("training range", r, () -> 10 * r.nextGaussian(), false);
        checkRange("any bits", r, () -> Double.longBitsToDouble(r.nextLong()), false);
        checkRange("any finite exponent", r, () -> Math.scalb(r.nextDouble(), r.nextInt(-1074, 1024)), true);
    }

    @Test
    void tanhEqualsStrictMathAtSpecialValuesAndBranchEdges() {
        double[] special = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE,
                -Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN,
                Double.longBitsToDouble(0x7ff0000000000001L), Double.longBitsToDouble(0xfff8000000000001L)};
        for (double x : special) same(StrictTanh::tanh, StrictMath::tanh, x);
        // tanh's own edges: 2^-55, 1, 22; expm1's edges seen through tanh's argument 2|x|
        double ln2 = Math.log(2);
        double[] edges = {0x1p-55, 1, 22, hiWord(0x3c800000), hiWord(0x3ff00000), hiWord(0x40360000),
                hiWord(0x3fd62e42) / 2, hiWord(0x3FF0A2B2) / 2, hiWord(0x4043687A) / 2, 0x1p-54 / 2};
        for (double e : edges) aroundEdge(StrictTanh::tanh, StrictMath::tanh, e);
        // every reduction k of expm1: arguments (m + 0.5) ln2, halved for tanh
        for (int m = -70; m <= 70; m++) aroundEdge(StrictTanh::tanh, StrictMath::tanh, (m + 0.5) * ln2 / 2);
    }

    @Test
    void expm1EqualsStrictMathEverywhere() {
        SplittableRandom r = new SplittableRandom(7);
        DoubleUnaryOperator ours = Expm1::expm1;
        DoubleUnaryOperator theirs = StrictMath::expm1;
        for (int i = 0; i < PER_RANGE; i++) {
            same(ours, theirs, Double.longBitsToDouble(r.nextLong()));
            same(ours, theirs, 800 * (2 * r.nextDouble() - 1));
            same(ours, theirs, 3 * (2 * r.nextDouble() - 1));
        }
        double ln2 = Math.log(2);
        for (int m = -1100; m <= 1100; m++) aroundEdge(ours, theirs, (m + 0.5) * ln2);
        double[] edges = {hiWord(0x3fd62e42), hiWord(0x3FF0A2B2), hiWord(0x4043687A), hiWord(0x40862E42),
                hiWord(0x3c900000), Double.longBitsToDouble(0x40862E42FEFA39EFL), -0.25, 0};
        for (double e : edges) aroundEdge(ours, theirs, e);
        for (double x : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0}) same(ours, theirs, x);
    }

    private static void checkRange(String name, SplittableRandom r, java.util.function.DoubleSupplier gen, boolean bothSigns) {
        for (int i = 0; i < PER_RANGE; i++) {
            double x = gen.getAsDouble();
            same(StrictTanh::tanh, StrictMath::tanh, x);
            if (bothSigns) same(StrictTanh::tanh, StrictMath::tanh, -x);
        }
    }

    /** 2000 neighbouring doubles on each side of +-edge. */
    private static void aroundEdge(DoubleUnaryOperator ours, DoubleUnaryOperator theirs, double edge) {
        for (double sign : new double[] {1, -1}) {
            long bits = Double.doubleToRawLongBits(sign * edge);
            for (long d = -2000; d <= 2000; d++) same(ours, theirs, Double.longBitsToDouble(bits + d));
        }
    }

    private static void same(DoubleUnaryOperator ours, DoubleUnaryOperator theirs, double x) {
        long expected = Double.doubleToRawLongBits(theirs.applyAsDouble(x));
        long actual = Double.doubleToRawLongBits(ours.applyAsDouble(x));
        if (expected != actual) {
            assertEquals(Long.toHexString(expected), Long.toHexString(actual), "bits at x = " + x + " (" + Long.toHexString(Double.doubleToRawLongBits(x)) + ")");
        }
    }

    private static double hiWord(int hi) {
        return Double.longBitsToDouble((long) hi << 32);
    }
}
