package org.nnplayground.playground.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * z-scores each raw input column: x' = (x - mean) / std, with the mean and (population) standard
 * deviation measured on the training part only, as scikit-learn's StandardScaler is fit on the
 * training data, so nothing about the test points leaks into training. A column that never
 * varies keeps std 1 (it is only centred).
 */
public record Standardizer(double[] mean, double[] std) {

    /** Measures every input column of {@code train}. */
    public static Standardizer fit(List<Sample> train, int numInputs) {
        double[] mean = new double[numInputs];
        double[] std = new double[numInputs];
        int n = train.size();
        if (n == 0) {
            Arrays.fill(std, 1);
            return new Standardizer(mean, std);
        }
        for (Sample s : train) for (int k = 0; k < numInputs; k++) mean[k] += s.inputs()[k];
        for (int k = 0; k < numInputs; k++) mean[k] /= n;
        for (Sample s : train) {
            for (int k = 0; k < numInputs; k++) {
                double d = s.inputs()[k] - mean[k];
                std[k] += d * d;
            }
        }
        for (int k = 0; k < numInputs; k++) {
            double sd = Math.sqrt(std[k] / n);
            std[k] = sd > 1e-12 ? sd : 1;
        }
        return new Standardizer(mean, std);
    }

    /** The split with both parts standardized by the training part's figures. */
    public static Split standardize(Split split) {
        return standardize(split, fit(split.train(), split.source().numInputs()));
    }

    /** The split with both parts standardized by {@code z} (fit on its training part). */
    public static Split standardize(Split split, Standardizer z) {
        DataSet source = split.source();
        // the whole set is rescaled too, so whatever reads it (heatmap extent, slices) sees the same space
        DataSet scaled = new DataSet(source.name(), z.apply(source.samples()), source.problem(), source.numClasses(),
                source.inputNames(), source.classNames());
        return new Split(scaled, z.apply(split.train()), z.apply(split.test()));
    }

    /** New samples with standardized inputs, labels unchanged. */
    public List<Sample> apply(List<Sample> samples) {
        List<Sample> out = new ArrayList<>(samples.size());
        for (Sample s : samples) out.add(new Sample(apply(s.inputs()), s.label()));
        return List.copyOf(out);
    }

    /** One input vector, standardized. */
    public double[] apply(double[] raw) {
        double[] z = new double[raw.length];
        for (int k = 0; k < raw.length; k++) z[k] = (raw[k] - mean[k]) / std[k];
        return z;
    }
}
