package org.nnplayground.playground.session;

import org.ejml.data.DMatrixRMaj;
import org.ejml.simple.SimpleMatrix;
import org.nnplayground.playground.data.Feature;
import org.nnplayground.playground.data.Sample;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The network inputs for an n x n grid over a plane (one column per cell, row-major from the
 * top-left), as the heatmaps need them. Planar data: the derived features of (x, y) over TF's
 * [-6, 6]^2 or the data's own range, built once and shared. Data with 3+ columns: a 2-D slice,
 * two columns across and up, the others held at their training mean.
 */
public final class GridInputs {
    /** Half the side of the square TF Playground draws. */
    public static final double EXTENT = 6;

    private GridInputs() {}

    /** x of column c in an n-wide grid over [min, max]: min at the left edge, max at the right. */
    public static double x(int c, int n, double min, double max) { return min + (max - min) * c / (n - 1); }

    /** y of row r in an n-high grid over [min, max]: max at the top, min at the bottom. */
    public static double y(int r, int n, double min, double max) { return max - (max - min) * r / (n - 1); }

    private static final Map<String, DMatrixRMaj> SHARED = new ConcurrentHashMap<>();

    /** The inputs for {@code features} on TF's n x n grid over [-6, 6]^2, shared by every session. */
    public static DMatrixRMaj shared(List<Feature> features, int n) {
        return shared(features, n, GridPlane.tensorFlow());
    }

    /**
     * The inputs for {@code features} on an n x n grid over {@code plane}, built once and shared
     * (read-only) by every session with the same features and plane: they depend on nothing else.
     */
    public static DMatrixRMaj shared(List<Feature> features, int n, GridPlane plane) {
        String key = features + "@" + n + "@" + plane.xMin() + "," + plane.xMax() + "," + plane.yMin() + "," + plane.yMax();
        return SHARED.computeIfAbsent(key, unused -> {
            DMatrixRMaj m = new DMatrixRMaj(features.size(), n * n);
            for (int r = 0; r < n; r++) {
                double y = y(r, n, plane.yMin(), plane.yMax());
                for (int c = 0; c < n; c++) {
                    double x = x(c, n, plane.xMin(), plane.xMax());
                    for (int k = 0; k < features.size(); k++) m.unsafe_set(k, r * n + c, features.get(k).of(x, y));
                }
            }
            return m;
        });
    }

    /**
     * A slice of data with {@code held.length} input columns: column {@code plane.xColumn()} runs
     * across, {@code plane.yColumn()} up, every other column stays at {@code held} (its training mean).
     */
    public static DMatrixRMaj slice(GridPlane plane, double[] held, int n) {
        DMatrixRMaj m = new DMatrixRMaj(held.length, n * n);
        for (int r = 0; r < n; r++) {
            double y = y(r, n, plane.yMin(), plane.yMax());
            for (int c = 0; c < n; c++) {
                int cell = r * n + c;
                for (int k = 0; k < held.length; k++) m.unsafe_set(k, cell, held[k]);
                m.unsafe_set(plane.xColumn(), cell, x(c, n, plane.xMin(), plane.xMax()));
                m.unsafe_set(plane.yColumn(), cell, y);
            }
        }
        return m;
    }

    /** Each input column's mean over {@code samples} (once per run: SimpleMatrix reads best here). */
    static double[] means(List<Sample> samples, int columns) {
        if (samples.isEmpty()) return new double[columns];
        double[][] rows = samples.stream().map(Sample::inputs).toArray(double[][]::new);
        // means = 1^T X / n
        SimpleMatrix x = new SimpleMatrix(rows);
        return SimpleMatrix.ones(1, samples.size()).mult(x).divide(samples.size()).getDDRM().data.clone();
    }
}
