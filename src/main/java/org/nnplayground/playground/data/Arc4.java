package org.nnplayground.playground.data;

/**
 * The ARC4 keystream as seedrandom 2.4.4 uses it (width 256). Package-private: only
 * {@link SeedRandom} needs it.
 */
final class Arc4 {
    static final int WIDTH = 256;
    private static final int MASK = WIDTH - 1;

    private final int[] s = new int[WIDTH];
    private int i;
    private int j;

    /** Schedules the key; an empty key acts like the single byte 0, as in seedrandom. */
    Arc4(int[] key) {
        int[] k = key.length == 0 ? new int[] {0} : key;
        for (int n = 0; n < WIDTH; n++) s[n] = n;
        int jj = 0;
        for (int n = 0; n < WIDTH; n++) {
            int t = s[n];
            jj = MASK & (jj + k[n % k.length] + t);
            s[n] = s[jj];
            s[jj] = t;
        }
        // seedrandom throws away the first 256 bytes to hide the weak start of RC4.
        skip(WIDTH);
    }

    /** The next keystream byte, 0..255. */
    int nextByte() {
        i = MASK & (i + 1);
        int t = s[i];
        j = MASK & (j + t);
        s[i] = s[j];
        s[j] = t;
        return s[MASK & (s[i] + t)];
    }

    /** The next {@code count} bytes as one big-endian number (count at most 6, so it fits exactly). */
    long next(int count) {
        long r = 0;
        for (int n = 0; n < count; n++) r = r * WIDTH + nextByte();
        return r;
    }

    /** Discards {@code count} bytes. */
    void skip(int count) {
        for (int n = 0; n < count; n++) nextByte();
    }
}
