package org.nnplayground.playground.data;

import java.util.Collections;
import java.util.List;

/**
 * TF Playground's random helpers (randUniform, normalRandom, shuffle) on top of a
 * {@link SeedRandom}, with the same formulas and draw order so results match bit for bit.
 */
public final class TfRandom {
    private final SeedRandom source;

    /** Wraps a seeded source; every helper draws from it in TF Playground's order. */
    public TfRandom(SeedRandom source) {
        this.source = source;
    }

    /** A generator seeded from the playground's seed string. */
    public static TfRandom seeded(String seed) {
        return new TfRandom(new SeedRandom(seed));
    }

    /** One uniform draw in [0, 1) ({@code Math.random()}). */
    public double random() { return source.nextDouble(); }

    /** Uniform in [a, b): {@code random * (b - a) + a}. */
    public double randUniform(double a, double b) {
        return random() * (b - a) + a;
    }

    /** A normal sample by the Marsaglia polar method, as the playground computes it. */
    public double normalRandom(double mean, double variance) {
        double v1;
        double v2;
        double s;
        do {
            v1 = 2 * random() - 1;
            v2 = 2 * random() - 1;
            s = v1 * v1 + v2 * v2;
        } while (s > 1);
        // StrictMath, because it agrees with JavaScript's Math bit for bit.
        double result = StrictMath.sqrt(-2 * StrictMath.log(s) / s) * v1;
        return mean + StrictMath.sqrt(variance) * result;
    }

    /** Shuffles in place from the back, one draw per element (the playground's shuffle). */
    public <T> void shuffle(List<T> list) {
        int counter = list.size();
        while (counter > 0) {
            int index = (int) Math.floor(random() * counter);
            counter--;
            Collections.swap(list, counter, index);
        }
    }

    /** How many uniform draws have been made since seeding. */
    public long draws() { return source.draws(); }
}
