package org.nnplayground.playground.session;

/**
 * Replaces each byte of a square grid by its difference (mod 256) from the median edge detector
 * prediction of JPEG-LS (from the left, upper and upper-left neighbours). Smooth heatmaps turn
 * into near-zero residuals, which DEFLATE packs several times smaller and faster. The browser
 * undoes it in the same order (web/js/socket.js).
 */
final class GridPredictor {
    private GridPredictor() {}

    /** Encodes the n x n grid at {@code offset} in place, last row first so neighbours stay original. */
    static void encode(byte[] g, int offset, int n) {
        for (int r = n - 1; r >= 1; r--) {
            int row = offset + r * n;
            int up = row - n;
            for (int c = n - 1; c >= 1; c--) {
                int a = g[row + c - 1] & 0xff;
                int b = g[up + c] & 0xff;
                int d = g[up + c - 1] & 0xff;
                int max = Math.max(a, b);
                int min = Math.min(a, b);
                int p = d >= max ? min : (d <= min ? max : a + b - d);
                g[row + c] = (byte) ((g[row + c] & 0xff) - p);
            }
            g[row] = (byte) ((g[row] & 0xff) - (g[up] & 0xff));
        }
        for (int c = n - 1; c >= 1; c--) g[offset + c] = (byte) ((g[offset + c] & 0xff) - (g[offset + c - 1] & 0xff));
    }

    /** Decodes in place (first cell first); used by tests and mirrored in the browser. */
    static void decode(byte[] g, int offset, int n) {
        for (int i = 0; i < n * n; i++) {
            g[offset + i] = (byte) ((g[offset + i] & 0xff) + predict(g, offset, n, i / n, i % n));
        }
    }

    /** MED: min(a, b) if c >= max(a, b); max(a, b) if c <= min(a, b); else a + b - c. */
    static int predict(byte[] g, int offset, int n, int r, int c) {
        if (r == 0 && c == 0) return 0;
        if (r == 0) return g[offset + c - 1] & 0xff;
        if (c == 0) return g[offset + (r - 1) * n] & 0xff;
        int a = g[offset + r * n + c - 1] & 0xff;
        int b = g[offset + (r - 1) * n + c] & 0xff;
        int d = g[offset + (r - 1) * n + c - 1] & 0xff;
        if (d >= Math.max(a, b)) return Math.min(a, b);
        if (d <= Math.min(a, b)) return Math.max(a, b);
        return a + b - d;
    }
}
