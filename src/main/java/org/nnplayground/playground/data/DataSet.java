package org.nnplayground.playground.data;

import java.util.List;

/**
 * A whole data set before the train/test split.
 *
 * @param numClasses 0 for regression, 2 for binary (labels -1/+1), k for k classes (labels 0..k-1)
 * @param inputNames names of the raw input columns (x1, x2 for 2-D data)
 * @param classNames display names of the classes (empty for regression)
 */
public record DataSet(String name, List<Sample> samples, Problem problem, int numClasses,
                      List<String> inputNames, List<String> classNames) {

    public int numInputs() { return inputNames.size(); }

    /** True when the inputs are the 2-D plane (x1, x2), so derived features and heatmaps apply. */
    public boolean isPlanar() { return inputNames.size() == 2; }

    /** The class index 0..k-1 of a classification label (binary -1/+1 maps to 0/1). */
    public static int classIndex(double label, int numClasses) {
        return numClasses == 2 ? (label > 0 ? 1 : 0) : (int) label;
    }
}
