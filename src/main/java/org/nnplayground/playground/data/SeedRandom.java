package org.nnplayground.playground.data;

/**
 * A Java port of seedrandom 2.4.4's default generator ({@code Math.seedrandom(seed)} in TF
 * Playground): the same seed string gives the same doubles, bit for bit.
 */
public final class SeedRandom {
    private static final int MASK = Arc4.WIDTH - 1;
    /** Bytes per output and the matching denominator 256^6. */
    private static final int CHUNKS = 6;
    private static final double START_DENOM = Math.pow(Arc4.WIDTH, CHUNKS);
    /** Outputs carry 52 random bits; 2^53 is the first value that no longer fits. */
    private static final double SIGNIFICANCE = Math.pow(2, 52);
    private static final double OVERFLOW = SIGNIFICANCE * 2;

    private final Arc4 arc4;
    private long draws;

    /** Seeds the generator from a string, exactly as {@code Math.seedrandom(seed)} does. */
    public SeedRandom(String seed) {
        this.arc4 = new Arc4(mixKey(seed));
    }

    /** Folds the seed's UTF-16 char codes into a key of bytes (seedrandom's {@code mixkey}). */
    static int[] mixKey(String seed) {
        int[] key = new int[Math.min(seed.length(), Arc4.WIDTH)];
        int smear = 0; // JavaScript starts it undefined, which acts as 0 under ^=
        for (int j = 0; j < seed.length(); j++) {
            smear ^= key[MASK & j] * 19;
            key[MASK & j] = MASK & (smear + seed.charAt(j));
        }
        return key;
    }

    /** The next double in [0, 1), like one call of the seeded {@code Math.random()}. */
    public double nextDouble() {
        draws++;
        // Same double arithmetic as the JavaScript, so rounding is identical too.
        double n = arc4.next(CHUNKS);
        double d = START_DENOM;
        long x = 0;
        while (n < SIGNIFICANCE) {
            n = (n + x) * Arc4.WIDTH;
            d *= Arc4.WIDTH;
            x = arc4.nextByte();
        }
        while (n >= OVERFLOW) {
            n /= 2;
            d /= 2;
            x >>>= 1;
        }
        return (n + x) / d;
    }

    /** How many doubles have been drawn since seeding. */
    public long draws() { return draws; }
}
