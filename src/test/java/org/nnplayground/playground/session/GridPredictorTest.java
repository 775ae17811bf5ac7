package org.nnplayground.playground.session;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The grid coding round-trips exactly and turns smooth grids into small residuals. */
class GridPredictorTest {

    @Test
    void decodeUndoesEncodeOnAnyBytes() {
        SplittableRandom r = new SplittableRandom(3);
        for (int n : new int[] {1, 2, 10, 100}) {
            byte[] g = new byte[n * n + 7];
            for (int i = 0; i < g.length; i++) g[i] = (byte) r.nextInt(256);
            byte[] original = g.clone();
            GridPredictor.encode(g, 7, n);
            GridPredictor.decode(g, 7, n);
            assertArrayEquals(original, g);
        }
    }

    @Test
    void smoothGridsGiveNearZeroResiduals() {
        int n = 100;
        byte[] g = new byte[n * n];
        for (int r = 0; r < n; r++) for (int c = 0; c < n; c++) g[r * n + c] = (byte) (127.5 + 127 * Math.tanh((r - c) / 30.0));
        GridPredictor.encode(g, 0, n);
        int small = 0;
        for (byte b : g) if (Math.abs(b) <= 2) small++;
        assertTrue(small > 0.95 * n * n, small + " small residuals");
    }
}
