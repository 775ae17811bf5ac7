package org.nnplayground.playground.session;

import org.nnplayground.playground.data.DataSet;
import org.nnplayground.playground.data.Sample;
import org.nnplayground.playground.data.Split;
import org.nnplayground.playground.link.PlaygroundSettings;

import java.util.List;

/**
 * The plane the heatmaps show: which input columns run across (x) and up (y), their names and
 * ranges. TF's data sets use its [-6, 6]^2; tables and CSVs fit their data.
 */
public record GridPlane(int xColumn, int yColumn, String xName, String yName,
                        double xMin, double xMax, double yMin, double yMax) {

    /** The plane a run's heatmaps show: TF's square for its data and drawings, else the data's range over the slice's columns. */
    static GridPlane of(PlaygroundSettings s, DataSet uploaded, Split split) {
        DataSet data = split.source();
        if (data.isPlanar()) {
            if (uploaded == null && s.datasetInUse().isTensorFlowPlayground()) return GridPlane.tensorFlow();
            if (DrawnData.NAME.equals(data.name())) return GridPlane.tensorFlow(); // drawn on TF's -6..6 map
            return GridPlane.fit(data.samples(), 0, 1, uploaded == null ? "X₁" : data.inputNames().get(0),
                    uploaded == null ? "X₂" : data.inputNames().get(1));
        }
        List<String> names = data.inputNames();
        int x = s.sliceX() == null ? 0 : names.indexOf(s.sliceX());
        int y = s.sliceY() == null ? (x == 1 ? 0 : 1) : names.indexOf(s.sliceY());
        if (y == x) y = x == 0 ? 1 : 0;      // the same column twice is no plane: take the next one up
        return GridPlane.fit(data.samples(), x, y, names.get(x), names.get(y));
    }

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
