package org.nnplayground.playground.nn;

import org.ejml.data.DMatrixRMaj;

/** Per-sample gradients summed since the last update, and how many samples they hold. */
public final class Gradients {
    final DMatrixRMaj[] weights;
    final DMatrixRMaj[] biases;
    int count;

    Gradients(NetworkSpec spec) {
        weights = new DMatrixRMaj[spec.numLayers() + 1];
        biases = new DMatrixRMaj[spec.numLayers() + 1];
        for (int l = 1; l <= spec.numLayers(); l++) {
            weights[l] = new DMatrixRMaj(spec.width(l), spec.width(l - 1));
            biases[l] = new DMatrixRMaj(spec.width(l), 1);
        }
    }

    /** Summed dLoss/dW of layer l. */
    public DMatrixRMaj weights(int l) { return weights[l]; }

    /** Summed dLoss/db of layer l. */
    public DMatrixRMaj biases(int l) { return biases[l]; }

    /** Number of samples accumulated. */
    public int count() { return count; }

    void clear() {
        for (int l = 1; l < weights.length; l++) {
            weights[l].zero();
            biases[l].zero();
        }
        count = 0;
    }
}
