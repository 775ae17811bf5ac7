package org.nnplayground.playground.nn;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Forward and backward passes over a block of samples at once, as EJML matrix products into work
 * matrices allocated once (rows = samples). The same functions as {@link Propagation}: activations,
 * softmax with cross-entropy, the other losses, dropout drawn in the same order (sample by sample,
 * layer by layer, node by node), so a batch gives the per-sample path's update up to the order of
 * floating-point sums. Not TF-exact: TF Playground's order of operations lives in Propagation only.
 */
final class MatrixPropagation {
    private final Network net;
    private final NetworkSpec spec;
    private final int layers;
    private final int capacity;
    /** z[l]: total inputs of layer l, one row a sample. */
    private final DMatrixRMaj[] z;
    /** out[l]: act(z[l]) before dropout. */
    private final DMatrixRMaj[] out;
    /** a[l]: what layer l+1 sees (a[0] = the inputs; out[l] masked and rescaled with dropout). */
    private final DMatrixRMaj[] a;
    /** delta[l]: dLoss/dz[l]. */
    private final DMatrixRMaj[] delta;
    /** back[l]: dLoss/da[l]. */
    private final DMatrixRMaj[] back;
    /** keep[l]: dropout factors (0 or 1/(1-p)) of the hidden layers, when the last forward pass dropped. */
    private final DMatrixRMaj[] keep;
    private boolean dropped;

    /** Work matrices for blocks of up to {@code capacity} samples. */
    MatrixPropagation(Network net, int capacity) {
        this.net = net;
        this.spec = net.spec();
        this.layers = spec.numLayers();
        this.capacity = capacity;
        z = new DMatrixRMaj[layers + 1];
        out = new DMatrixRMaj[layers + 1];
        a = new DMatrixRMaj[layers + 1];
        delta = new DMatrixRMaj[layers + 1];
        back = new DMatrixRMaj[layers + 1];
        keep = new DMatrixRMaj[layers + 1];
        for (int l = 0; l <= layers; l++) {
            int w = spec.width(l);
            z[l] = new DMatrixRMaj(capacity, w);
            out[l] = new DMatrixRMaj(capacity, w);
            a[l] = new DMatrixRMaj(capacity, w);
            delta[l] = new DMatrixRMaj(capacity, w);
            back[l] = new DMatrixRMaj(capacity, w);
            keep[l] = new DMatrixRMaj(capacity, w);
        }
    }

    int capacity() { return capacity; }

    /**
     * Forward pass for samples {@code order[from..from+rows)} of {@code inputs} (order null: in
     * place); with {@code dropout > 0} hidden outputs are dropped, masks drawn from {@code random}.
     * Returns the output matrix (rows x outputs), reused.
     */
    DMatrixRMaj forward(double[][] inputs, int[] order, int from, int rows, double dropout, SplitMix random) {
        if (rows > capacity) throw new IllegalArgumentException("a block of " + rows + " samples is more than " + capacity);
        int n0 = spec.width(0);
        reshape(rows);
        double[] a0 = a[0].data;
        for (int r = 0; r < rows; r++) {
            double[] x = inputs[order == null ? from + r : order[from + r]];
            System.arraycopy(x, 0, a0, r * n0, n0);
        }
        dropped = dropout > 0 && layers > 1;
        if (dropped) drawMasks(rows, dropout, random);
        for (int l = 1; l <= layers; l++) {
            // Z = A_prev W^T + 1 b^T
            CommonOps_DDRM.multTransB(a[l - 1], net.weights(l), z[l]);
            addBiasRows(z[l], net.biases(l).data);
            // O = act(Z), row by row for softmax
            activate(spec.activation(l), z[l], out[l]);
            if (l == layers) {
                a[l].setTo(out[l]);
            } else if (dropped) {
                // A = O .* K
                CommonOps_DDRM.elementMult(out[l], keep[l], a[l]);
            } else {
                a[l].setTo(out[l]);
            }
        }
        return a[layers];
    }

    /** Masks in the per-sample path's order: sample, then hidden layer, then node. */
    private void drawMasks(int rows, double dropout, SplitMix random) {
        double scale = 1 / (1 - dropout);
        for (int r = 0; r < rows; r++) {
            for (int l = 1; l < layers; l++) {
                int w = spec.width(l);
                double[] k = keep[l].data;
                for (int i = r * w, end = i + w; i < end; i++) k[i] = random.nextDouble() < dropout ? 0 : scale;
            }
        }
    }

    /**
     * Adds the gradients of the last forward pass's samples against {@code targets} (same rows) to
     * {@code g}; links that are dead get none.
     */
    void backward(double[][] targets, int[] order, int from, LossKind loss, Gradients g) {
        int rows = a[0].numRows;
        int outputs = spec.outputs();
        DMatrixRMaj o = a[layers];
        DMatrixRMaj d = delta[layers];
        boolean softmax = spec.outputActivation() == Activation.SOFTMAX;
        int scale = outputScale(loss, outputs);
        for (int r = 0; r < rows; r++) {
            double[] t = targets[order == null ? from + r : order[from + r]];
            for (int i = 0, k = r * outputs; i < outputs; i++, k++) {
                // softmax + cross-entropy: D = O - T; otherwise D = loss'(O, T) / scale .* act'(Z)
                d.data[k] = softmax ? o.data[k] - t[i]
                        : loss.derivative(o.data[k], t[i]) / scale * spec.outputActivation().derivative(z[layers].data[k], out[layers].data[k]);
            }
        }
        for (int l = layers; l >= 1; l--) {
            // dW += D^T A_prev
            CommonOps_DDRM.multAddTransA(delta[l], a[l - 1], g.weights[l]);
            // db += column sums of D
            addColumnSums(delta[l], g.biases[l].data);
            if (net.anyDead(l)) zeroDead(g.weights[l].data, net.deadLinks(l));
            if (l > 1) {
                // dA_prev = D W
                CommonOps_DDRM.mult(delta[l], net.weights(l), back[l - 1]);
                // D_prev = dA_prev .* K .* act'(Z_prev)
                derivatives(l - 1, back[l - 1], delta[l - 1]);
            }
        }
        g.count += rows;
    }

    /** Sum over the last forward pass's rows of each sample's loss against {@code targets}. */
    double lossSum(double[][] targets, int[] order, int from, LossKind loss) {
        DMatrixRMaj o = a[layers];
        int outputs = o.numCols;
        double total = 0;
        for (int r = 0; r < o.numRows; r++) {
            double[] t = targets[order == null ? from + r : order[from + r]];
            double sum = 0;
            for (int i = 0; i < outputs; i++) sum += loss.loss(o.data[r * outputs + i], t[i]);
            total += sum / outputScale(loss, outputs);
        }
        return total;
    }

    /** How many of the last forward pass's rows are classified as their label. */
    int correct(double[] labels, int numClasses, int[] order, int from) { return correct(labels, numClasses, order, from, null); }

    /** Like {@link #correct(double[], int, int[], int)}, also writing each row's class to {@code predicted[from + row]} (if not null). */
    int correct(double[] labels, int numClasses, int[] order, int from, int[] predicted) {
        DMatrixRMaj o = a[layers];
        int outputs = o.numCols;
        double[] row = new double[outputs];
        int correct = 0;
        for (int r = 0; r < o.numRows; r++) {
            System.arraycopy(o.data, r * outputs, row, 0, outputs);
            double label = labels[order == null ? from + r : order[from + r]];
            int predictedClass = OutputDecoder.classOf(row, spec.outputActivation());
            if (predicted != null) predicted[from + r] = predictedClass;
            if (predictedClass == OutputDecoder.classIndex(label, numClasses)) correct++;
        }
        return correct;
    }

    /** Outputs of layer l after the last forward pass (rows = samples; layer 0 = the inputs). */
    DMatrixRMaj layerOutput(int l) { return a[l]; }

    private void derivatives(int l, DMatrixRMaj dA, DMatrixRMaj d) {
        Activation act = spec.activation(l);
        double[] da = dA.data;
        double[] zl = z[l].data;
        double[] ol = out[l].data;
        double[] k = keep[l].data;
        double[] dd = d.data;
        int n = dA.getNumElements();
        if (act == Activation.RELU && !dropped) {
            for (int i = 0; i < n; i++) dd[i] = zl[i] <= 0 ? 0 : da[i];
        } else if (dropped) {
            for (int i = 0; i < n; i++) dd[i] = da[i] * k[i] * act.derivative(zl[i], ol[i]);
        } else {
            for (int i = 0; i < n; i++) dd[i] = da[i] * act.derivative(zl[i], ol[i]);
        }
    }

    private void reshape(int rows) {
        for (int l = 0; l <= layers; l++) {
            int w = spec.width(l);
            z[l].reshape(rows, w);
            out[l].reshape(rows, w);
            a[l].reshape(rows, w);
            delta[l].reshape(rows, w);
            back[l].reshape(rows, w);
            keep[l].reshape(rows, w);
        }
    }

    private static void addBiasRows(DMatrixRMaj z, double[] b) {
        double[] d = z.data;
        int cols = z.numCols;
        for (int r = 0, k = 0; r < z.numRows; r++) for (int i = 0; i < cols; i++, k++) d[k] += b[i];
    }

    private static void addColumnSums(DMatrixRMaj d, double[] gb) {
        int cols = d.numCols;
        for (int r = 0, k = 0; r < d.numRows; r++) for (int i = 0; i < cols; i++, k++) gb[i] += d.data[k];
    }

    private static void zeroDead(double[] gw, boolean[] dead) {
        for (int k = 0; k < gw.length; k++) if (dead[k]) gw[k] = 0;
    }

    private static void activate(Activation act, DMatrixRMaj z, DMatrixRMaj out) {
        double[] zd = z.data;
        double[] od = out.data;
        int n = z.getNumElements();
        switch (act) {
            case RELU -> { for (int i = 0; i < n; i++) od[i] = Math.max(0, zd[i]); }
            case LINEAR -> System.arraycopy(zd, 0, od, 0, n);
            case SOFTMAX -> softmaxRows(z, out);
            default -> { for (int i = 0; i < n; i++) od[i] = act.output(zd[i]); }
        }
    }

    /** Each row: out_i = exp(z_i - max) / sum_j exp(z_j - max), as Propagation computes it. */
    private static void softmaxRows(DMatrixRMaj z, DMatrixRMaj out) {
        int cols = z.numCols;
        for (int r = 0; r < z.numRows; r++) {
            int start = r * cols;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < cols; i++) max = Math.max(max, z.data[start + i]);
            double sum = 0;
            for (int i = 0; i < cols; i++) {
                out.data[start + i] = StrictMath.exp(z.data[start + i] - max);
                sum += out.data[start + i];
            }
            for (int i = 0; i < cols; i++) out.data[start + i] /= sum;
        }
    }

    /** Regression-style losses average over output units (as Keras does); the others sum (as Propagation). */
    private static int outputScale(LossKind loss, int outputs) {
        return switch (loss) {
            case SQUARE, MSE, MAE -> outputs;
            case LOG_LOSS, CROSS_ENTROPY -> 1;
        };
    }
}
