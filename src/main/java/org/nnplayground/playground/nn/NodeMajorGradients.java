package org.nnplayground.playground.nn;

/**
 * The backward pass's loops over a layer's links for {@link BatchPropagation}: the gradient sums
 * and dLoss/da of the layer before. Kept apart because they are pure array loops (node-major
 * values, node i of sample s at {@code i * c + s}, {@code count} live samples) whose order of
 * additions is what keeps batched passes bit for bit equal to {@link Propagation}.
 */
final class NodeMajorGradients {
    private NodeMajorGradients() {}

    /** Layers at least this wide take their gradients sample by sample, a row of links at a time. */
    static final int WIDE = 16;

    /** gw_ij += d_is prev_js: per link, the samples in order (short rows: the loop over samples is the long one). */
    static void addOuterByLink(double[] gw, double[] d, double[] prev, int width, int inputs, boolean[] dead, int count, int c) {
        for (int i = 0, row = 0; i < width; i++, row += inputs) {
            int di = i * c;
            for (int j = 0; j < inputs; j++) {
                if (dead != null && dead[row + j]) continue;
                int pj = j * c;
                double sum = gw[row + j];
                for (int s = 0; s < count; s++) sum += d[di + s] * prev[pj + s];
                gw[row + j] = sum;
            }
        }
    }

    /** gw_ij += d_is prev_js: sample after sample, each a whole row of links at once (as Propagation adds them). */
    static void addOuterBySample(double[] gw, double[] d, double[] prev, int width, int inputs, boolean[] dead, int count, int c, double[] p) {
        for (int s = 0; s < count; s++) {
            for (int j = 0; j < inputs; j++) p[j] = prev[j * c + s];
            for (int i = 0, row = 0; i < width; i++, row += inputs) {
                double di = d[i * c + s];
                if (dead == null) {
                    for (int j = 0; j < inputs; j++) gw[row + j] += di * p[j];
                } else {
                    for (int j = 0; j < inputs; j++) if (!dead[row + j]) gw[row + j] += di * p[j];
                }
            }
        }
    }

    /** od_js = 0 + sum_i w_ij d_is, i ascending; four nodes per pass keep the partial sum in a register. */
    static void transposeTimes(double[] w, double[] d, int width, int inputs, double[] od, int count, int c) {
        for (int j = 0; j < inputs; j++) {
            int oj = j * c;
            for (int s = 0; s < count; s++) od[oj + s] = 0;
        }
        int i = 0;
        for (; i + 4 <= width; i += 4) {
            int r0 = i * inputs;
            int r1 = r0 + inputs;
            int r2 = r1 + inputs;
            int r3 = r2 + inputs;
            int d0 = i * c;
            int d1 = d0 + c;
            int d2 = d1 + c;
            int d3 = d2 + c;
            for (int j = 0; j < inputs; j++) {
                double w0 = w[r0 + j];
                double w1 = w[r1 + j];
                double w2 = w[r2 + j];
                double w3 = w[r3 + j];
                int oj = j * c;
                for (int s = 0; s < count; s++) {
                    double t = od[oj + s];
                    t += w0 * d[d0 + s];
                    t += w1 * d[d1 + s];
                    t += w2 * d[d2 + s];
                    t += w3 * d[d3 + s];
                    od[oj + s] = t;
                }
            }
        }
        for (; i < width; i++) {
            int di = i * c;
            for (int j = 0, row = i * inputs; j < inputs; j++) {
                double wij = w[row + j];
                int oj = j * c;
                for (int s = 0; s < count; s++) od[oj + s] += wij * d[di + s];
            }
        }
    }
}
