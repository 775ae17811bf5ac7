package org.nnplayground.playground.session;

import org.nnplayground.playground.data.Sample;

import java.util.List;

/**
 * The plane the heatmaps show: which input columns run across (x) and up (y), their names and
 * ranges. TF's data sets use its [-6, 6]^2; tables and CSVs fit their data.
 */
public record GridPlane(int xColumn, int yColumn, String xName, String yName,
                        double xMin, double xMax, double yMin, double yMax) {

    /** TF Playground's square. */
    static GridPlane tensorFlow() {
        return new GridPlane(0, 1, "X₁", "X₂", -GridInputs.EXTENT, GridInputs.EXTENT, -GridInputs.EXTENT, GridInputs.EXTENT);
    }

    /** The range of columns {@code x} and {@code y} over {@code samples}, with a margin so edge points stay inside. */
    static GridPlane fit(List<Sample> samples, int x, int y, String xName, String yName) {
        double[] xs = range(samples, x);
        double[] ys = range(samples, y);
        return new GridPlane(x, y, xName, yName, xs[0], xs[1], ys[0], ys[1]);
    }

    private static double[] range(List<Sample> samples, int column) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Sample s : samples) {
            double v = s.inputs()[column];
            if (v < lo) lo = v;
            if (v > hi) hi = v;
        }
        if (!(lo <= hi)) return new double[] {-1, 1};
        // a small table gets a quarter of its span on each side, so the XOR table's corners are not on
        // the border; larger data 5 %; a constant column 1 either side
        double span = hi - lo;
        double margin = span == 0 ? 1 : span * (samples.size() <= 20 ? 0.25 : 0.05);
        return new double[] {lo - margin, hi + margin};
    }
}
