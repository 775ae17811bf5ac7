package org.nnplayground.playground.nn;

import org.ejml.data.DMatrixRMaj;

/**
 * Evaluates a network on many points at once (the heatmap grids): per layer
 * A[l] = act(W[l] A[l-1] + b[l]), with every point a column, by a hand loop over column blocks
 * (for these few rows it beats a general matrix product and fuses bias and activation). Work matrices are allocated once.
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
        for (int l = 1; l <= spec.numLayers(); l++) {
            DMatrixRMaj a = layers[l];
            Activation act = spec.activation(l);
            double[] w = net.weights(l).data;
            double[] b = net.biases(l).data;
            int points = prev.numCols;
            // column blocks small enough that a block of every row stays in L1
            for (int from = 0; from < points; from += BLOCK) {
                int to = Math.min(points, from + BLOCK);
                for (int i = 0; i < a.numRows; i++) {
                    affineRow(w, b[i], i, prev, a.data, i * points, from, to);
                    if (act != Activation.SOFTMAX) FastActivations.apply(act, a.data, i * points + from, i * points + to);
                }
            }
            if (act == Activation.SOFTMAX) softmaxColumns(a);
            prev = a;
        }
    }

    /** Points per column block. */
    private static final int BLOCK = 512;

    /**
     * One row of A = W A_prev + b 1^T over columns [from, to):
     * out[c] = b_i + sum_k w_ik prev[k][c], written to {@code out} starting at {@code rowStart}.
     */
    private static void affineRow(double[] w, double bi, int i, DMatrixRMaj prev, double[] out, int rowStart, int from, int to) {
        int n = prev.numRows;
        int cols = prev.numCols;
        double[] p = prev.data;
        int wRow = i * n;
        double w0 = w[wRow];
        for (int c = from; c < to; c++) out[rowStart + c] = bi + w0 * p[c];
        int k = 1;
        // four inputs per pass over the block: a quarter of the loads and stores of the row
        for (; k + 4 <= n; k += 4) {
            double wa = w[wRow + k];
            double wb = w[wRow + k + 1];
            double wc = w[wRow + k + 2];
            double wd = w[wRow + k + 3];
            int pa = k * cols;
            int pb = pa + cols;
            int pc = pb + cols;
            int pd = pc + cols;
            for (int c = from; c < to; c++) {
                out[rowStart + c] += wa * p[pa + c] + wb * p[pb + c] + wc * p[pc + c] + wd * p[pd + c];
            }
        }
        for (; k < n; k++) {
            double wk = w[wRow + k];
            int pk = k * cols;
            for (int c = from; c < to; c++) out[rowStart + c] += wk * p[pk + c];
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
