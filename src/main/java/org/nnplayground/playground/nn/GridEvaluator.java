package org.nnplayground.playground.nn;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Evaluates a network on many points at once (the heatmap grids): one matrix product per layer,
 * A[l] = act(W[l] A[l-1] + b[l]), with every point a column. Work matrices are allocated once.
 * Approximate activations: the result is for drawing, training never uses it.
 */
public final class GridEvaluator {
    private final NetworkSpec spec;
    private final DMatrixRMaj[] layers;

    /** @param points number of points (columns) evaluated per call */
    public GridEvaluator(NetworkSpec spec, int points) {
        this.spec = spec;
        layers = new DMatrixRMaj[spec.numLayers() + 1];
        for (int l = 1; l <= spec.numLayers(); l++) layers[l] = new DMatrixRMaj(spec.width(l), points);
    }

    /**
     * Runs {@code inputs} (features x points) through {@code net}; then {@link #layer(int)}
     * holds every node's output (row = node, column = point).
     */
    public void evaluate(Network net, DMatrixRMaj inputs) {
        DMatrixRMaj prev = inputs;
        int points = inputs.numCols;
        for (int l = 1; l <= spec.numLayers(); l++) {
            DMatrixRMaj a = layers[l];
            // A = W A_prev
            CommonOps_DDRM.mult(net.weights(l), prev, a);
            double[] b = net.biases(l).data;
            double[] v = a.data;
            Activation act = spec.activation(l);
            // A = act(A + b 1^T)
            for (int i = 0; i < a.numRows; i++) {
                int start = i * points;
                for (int c = start; c < start + points; c++) v[c] += b[i];
                if (act != Activation.SOFTMAX) FastActivations.apply(act, v, start, start + points);
            }
            if (act == Activation.SOFTMAX) softmaxColumns(a);
            prev = a;
        }
    }

    /** Outputs of layer l's nodes from the last {@link #evaluate}: row = node, column = point. */
    public DMatrixRMaj layer(int l) { return layers[l]; }

    private static void softmaxColumns(DMatrixRMaj a) {
        int rows = a.numRows;
        int cols = a.numCols;
        double[] v = a.data;
        for (int c = 0; c < cols; c++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int r = 0; r < rows; r++) max = Math.max(max, v[r * cols + c]);
            double sum = 0;
            for (int r = 0; r < rows; r++) sum += v[r * cols + c] = Math.exp(v[r * cols + c] - max);
            for (int r = 0; r < rows; r++) v[r * cols + c] /= sum;
        }
    }
}
