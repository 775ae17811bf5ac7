package org.nnplayground.playground.link;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.random.RandomGenerator;

/** Fresh seeds in TF Playground's form, {@code Math.random().toFixed(5)}, e.g. "0.66230". */
final class SeedMaker {

    private static final int DECIMALS = 5;

    private SeedMaker() { }

    /** A new seed drawn from {@code random}. */
    static String fresh(RandomGenerator random) {
        // toFixed rounds the exact binary value, ties up: BigDecimal(double) + HALF_UP does the same.
        return new BigDecimal(random.nextDouble()).setScale(DECIMALS, RoundingMode.HALF_UP).toPlainString();
    }
}
