package org.nnplayground.playground.nn;

/**
 * Samples ready for the network: input vectors, target vectors (in the output layer's encoding)
 * and the original labels (for accuracy and R^2).
 *
 * @param numClasses 0 for regression, else the number of classes (binary labels are -1/+1)
 */
public record TrainingData(double[][] inputs, double[][] targets, double[] labels, int numClasses) {

    public int size() { return inputs.length; }

    public boolean isEmpty() { return inputs.length == 0; }
}
