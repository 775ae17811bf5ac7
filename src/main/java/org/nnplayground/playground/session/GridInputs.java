package org.nnplayground.playground.session;

import org.ejml.data.DMatrixRMaj;
import org.nnplayground.playground.data.Feature;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The network inputs for an n x n grid over [-6, 6]^2 (one column per cell, row-major from the
 * top-left), as the heatmaps need them. Built once per (features, size) and reused every frame.
 */
public final class GridInputs {
    /** Half the side of the square the playground draws. */
    public static final double EXTENT = 6;

    private GridInputs() {}

    /** x of column c in an n-wide grid: -6 at the left edge, +6 at the right. */
    public static double x(int c, int n) { return -EXTENT + 2 * EXTENT * c / (n - 1); }

    /** y of row r in an n-high grid: +6 at the top, -6 at the bottom. */
    public static double y(int r, int n) { return EXTENT - 2 * EXTENT * r / (n - 1); }

    private static final Map<String, DMatrixRMaj> SHARED = new ConcurrentHashMap<>();

    /**
     * The inputs for {@code features} on an n x n grid, built once and shared (read-only) by every
     * session with the same features: they depend on nothing else.
     */
    public static DMatrixRMaj shared(List<Feature> features, int n) {
        return SHARED.computeIfAbsent(features + "@" + n, k -> build(features, n));
    }

    private static DMatrixRMaj build(List<Feature> features, int n) {
        DMatrixRMaj m = new DMatrixRMaj(features.size(), n * n);
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                for (int k = 0; k < features.size(); k++) m.unsafe_set(k, r * n + c, features.get(k).of(x(c, n), y(r, n)));
            }
        }
        return m;
    }
}
