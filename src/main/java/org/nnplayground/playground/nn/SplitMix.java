package org.nnplayground.playground.nn;

/**
 * The generator of {@link java.util.SplittableRandom} (SplitMix64 with the golden gamma), written
 * out so that its one word of state can be read and written: a saved run continues its shuffles
 * and dropout masks exactly where they stopped. Same numbers as {@code new SplittableRandom(seed)}
 * for nextDouble and nextInt(bound) (SplitMixTest compares them draw for draw).
 */
public final class SplitMix {
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
    private static final double DOUBLE_UNIT = 0x1.0p-53;

    private long seed;

    public SplitMix(long seed) { this.seed = seed; }

    /** The whole state: restoring it with {@link #setState} resumes the same sequence. */
    public long state() { return seed; }

    public void setState(long state) { seed = state; }

    /** Uniform in [0, 1): the top 53 bits of the next 64. */
    public double nextDouble() { return (mix64(nextSeed()) >>> 11) * DOUBLE_UNIT; }

    /** Uniform in [0, bound), by rejection as SplittableRandom does (no modulo bias). */
    public int nextInt(int bound) {
        int r = mix32(nextSeed());
        int m = bound - 1;
        if ((bound & m) == 0) return r & m;
        for (int u = r >>> 1; u + m - (r = u % bound) < 0; u = mix32(nextSeed()) >>> 1) {
            // rejected: draw again
        }
        return r;
    }

    private long nextSeed() { return seed += GOLDEN_GAMMA; }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static int mix32(long z) {
        z = (z ^ (z >>> 33)) * 0x62a9d9ed799705f5L;
        return (int) (((z ^ (z >>> 28)) * 0xcb24d0a5c88c35b3L) >>> 32);
    }
}
