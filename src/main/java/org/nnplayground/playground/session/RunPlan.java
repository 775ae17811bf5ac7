package org.nnplayground.playground.session;

import java.util.List;
import org.nnplayground.playground.data.DataSet;
import org.nnplayground.playground.data.Feature;
import org.nnplayground.playground.data.Problem;
import org.nnplayground.playground.data.Sample;
import org.nnplayground.playground.link.PlaygroundSettings;
import org.nnplayground.playground.nn.Activation;
import org.nnplayground.playground.nn.NetworkSpec;
import org.nnplayground.playground.nn.TrainingConfig;

/**
 * A run resolved before any point is drawn (see {@link RunPlanner}): the settings as they will run
 * (every fit to the data applied, each with its warning), the data source, the network and the
 * training configuration, and what the page shows of it (problem, classes, label range). A
 * {@link TrainingRun} is built from one, and a change is one plan compared with the running one.
 *
 * @param uploaded   the student's own data (a CSV, a drawing), or null for the generated data set
 * @param data       the data's names, problem and classes (the points too, for the student's own data)
 * @param samples    how many points the data has
 * @param percTrain  the share of points that trains (images 80 %, tables and drawings all)
 * @param features   the inputs a planar data set feeds the network (empty for columns and pixels)
 */
public record RunPlan(PlaygroundSettings settings, DataSet uploaded, DataSet data, int samples, int percTrain,
                      List<Feature> features, NetworkSpec spec, TrainingConfig config, List<String> warnings) {

    public RunPlan {
        features = List.copyOf(features);
        warnings = List.copyOf(warnings);
    }

    /** The same plan, its warnings after {@code first} (what the planner changed before fitting). */
    RunPlan withWarningsAfter(List<String> first) {
        if (first.isEmpty()) return this;
        List<String> all = new java.util.ArrayList<>(first);
        all.addAll(warnings);
        return new RunPlan(settings, uploaded, data, samples, percTrain, features, spec, config, all);
    }

    /** Points the network trains on: the first {@code floor(n * percTrain / 100)} after the shuffle. */
    public int trainSamples() { return (int) Math.floor(samples * (double) percTrain / 100); }

    /** Parameters x training samples: the work of one epoch, which the planner bounds. */
    public long workPerEpoch() { return (long) spec.parameterCount() * trainSamples(); }

    /** True for the student's drawn points: they all train, in the order drawn (no shuffle draws from the stream). */
    public boolean drawn() { return uploaded != null && DrawnData.NAME.equals(uploaded.name()); }

    /** True for the bundled image sets (their fixed split, no standardizing). */
    public boolean bundledImages() { return uploaded == null && settings.datasetInUse().isImage(); }

    public Problem problem() { return data.problem(); }

    /** 0 for regression, 2 for binary, k for k classes. */
    public int numClasses() { return data.numClasses(); }

    /** The classes' names, index 0 being label -1 for two classes (empty for regression). */
    public List<String> classNames() { return data.classNames(); }

    /**
     * The values the output heatmap's colours span, whatever the output activation: the labels' range
     * for the student's own regression data whose labels leave TF's [-1, 1] (house prices 0.1 to 5);
     * null otherwise (TF's scale: its generated labels pass 1 a little, and TF clamps them too).
     */
    public double[] outputRange() {
        if (numClasses() > 0 || uploaded == null) return null;
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (Sample s : uploaded.samples()) {
            lo = Math.min(lo, s.label());
            hi = Math.max(hi, s.label());
        }
        // the labels' own range, so the colours spread over the values there are (prices 0.1 to 5
        // would leave the orange half of -1..5 unused)
        return lo >= -1 && hi <= 1 || lo >= hi ? null : new double[] {lo, hi};
    }
}
