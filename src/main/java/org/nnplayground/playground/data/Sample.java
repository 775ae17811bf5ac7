package org.nnplayground.playground.data;

/**
 * One labelled example. {@code inputs} are the raw columns (x1, x2 for 2-D data).
 * Labels: binary classification uses -1/+1 (TF Playground's convention), 3+ classes use the
 * class index 0..k-1, regression uses the number itself.
 */
public record Sample(double[] inputs, double label) {

    public static Sample of(double x, double y, double label) {
        return new Sample(new double[] {x, y}, label);
    }

    public double x() { return inputs[0]; }

    public double y() { return inputs[1]; }
}
