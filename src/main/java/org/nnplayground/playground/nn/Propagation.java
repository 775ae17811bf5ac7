package org.nnplayground.playground.nn;

import java.util.Arrays;

/**
 * Forward and backward passes for one sample, in TF Playground's order of operations so that
 * TF-exact runs match it bit for bit: z = b + sum_j w_j a_j (bias first, inputs in order),
 * gradients summed sample by sample. Work arrays are allocated once per network.
 */
final class Propagation {
    private final Network net;
    private final NetworkSpec spec;
    private final int layers;
    /** z[l]: total input of each node of layer l. */
    private final double[][] z;
    /** out[l]: activation of z[l] before dropout. */
    private final double[][] out;
    /** a[l]: what layer l+1 sees (out[l], masked and rescaled when dropout is on). */
    private final double[][] a;
    /** delta[l]: dLoss/dz[l]. */
    private final double[][] delta;
    /** outDer[l]: dLoss/da[l]. */
    private final double[][] outDer;
    /** keep[l][i]: dropout factor (0 or 1/(1-p)) of hidden node i, during training only. */
    private final double[][] keep;
    /** dropped[l]: the last forward pass applied dropout to layer l (else keep[l] counts as all 1). */
    private final boolean[] dropped;

    Propagation(Network net) {
        this.net = net;
        this.spec = net.spec();
        this.layers = spec.numLayers();
        z = new double[layers + 1][];
        out = new double[layers + 1][];
        a = new double[layers + 1][];
        delta = new double[layers + 1][];
        outDer = new double[layers + 1][];
        keep = new double[layers + 1][];
        dropped = new boolean[layers + 1];
        for (int l = 0; l <= layers; l++) {
            int w = spec.width(l);
            z[l] = new double[w];
            out[l] = new double[w];
            a[l] = new double[w];
            delta[l] = new double[w];
            outDer[l] = new double[w];
            keep[l] = new double[w];
        }
    }

    /** Output layer activations for {@code input}, no dropout. The returned array is reused. */
    double[] predict(double[] input) {
        return run(input, 0, null);
    }

    /** Forward pass for training: hidden outputs are dropped with probability {@code dropout}. */
    double[] forwardTraining(double[] input, double dropout, SplitMix random) {
        return run(input, dropout, random);
    }

    private double[] run(double[] input, double dropout, SplitMix random) {
        System.arraycopy(input, 0, a[0], 0, input.length);
        for (int l = 1; l <= layers; l++) {
            double[] zl = z[l];
            double[] ol = out[l];
            weightedSums(net.weights(l).data, net.biases(l).data, a[l - 1], zl);
            Activation act = spec.activation(l);
            if (act == Activation.SOFTMAX) softmax(zl, ol);
            else activate(act, zl, ol);
            if (dropout > 0 && l < layers) {
                double scale = 1 / (1 - dropout);
                double[] kl = keep[l];
                double[] al = a[l];
                for (int i = 0; i < al.length; i++) {
                    kl[i] = random.nextDouble() < dropout ? 0 : scale;
                    al[i] = ol[i] * kl[i];
                }
                dropped[l] = true;
            } else {
                System.arraycopy(ol, 0, a[l], 0, ol.length);
                dropped[l] = false;
            }
        }
        return a[layers];
    }

    /** z_i = b_i + sum_j w_ij prev_j, bias first and inputs in order (TF Playground's order). */
    private static void weightedSums(double[] w, double[] b, double[] prev, double[] z) {
        int n = prev.length;
        for (int i = 0, row = 0; i < z.length; i++, row += n) {
            double total = b[i];
            for (int j = 0; j < n; j++) total += w[row + j] * prev[j];
            z[i] = total;
        }
    }

    /** out_i = act(z_i), one switch per layer so the inner loop calls the function directly. */
    private static void activate(Activation act, double[] z, double[] out) {
        switch (act) {
            case TANH -> { for (int i = 0; i < z.length; i++) out[i] = StrictTanh.tanh(z[i]); }
            case RELU -> { for (int i = 0; i < z.length; i++) out[i] = Math.max(0, z[i]); }
            case LINEAR -> System.arraycopy(z, 0, out, 0, z.length);
            default -> { for (int i = 0; i < z.length; i++) out[i] = act.output(z[i]); }
        }
    }

    /** Adds this sample's gradients (after a forward pass) to {@code g}; dead links get none. */
    void backward(double[] target, LossKind loss, Gradients g) {
        int last = layers;
        double[] o = a[last];
        boolean softmax = spec.outputActivation() == Activation.SOFTMAX;
        if (softmax) {
            // softmax + cross-entropy: dLoss/dz = o - t (the Jacobian folds away)
            for (int i = 0; i < o.length; i++) delta[last][i] = o[i] - target[i];
        } else {
            double[] od = outDer[last];
            int scale = outputScale(loss, o.length);
            for (int i = 0; i < o.length; i++) od[i] = loss.derivative(o[i], target[i]) / scale;
        }
        for (int l = last; l >= 1; l--) {
            double[] d = delta[l];
            // delta = dLoss/da * da/dz  (da/dz includes the dropout factor)
            if (!(softmax && l == last)) deltas(spec.activation(l), l, d);
            // db += delta
            double[] gb = g.biases[l].data;
            for (int i = 0; i < d.length; i++) gb[i] += d[i];
            double[] gw = g.weights[l].data;
            double[] prev = a[l - 1];
            // dW += delta a_prev^T, skipping links TF's L1 rule has killed
            if (net.anyDead(l)) addOuterSkippingDead(gw, d, prev, net.deadLinks(l));
            else addOuter(gw, d, prev);
            // dLoss/da_prev = W^T delta, summed over the next layer's nodes in order
            if (l > 1) transposeTimes(net.weights(l).data, d, outDer[l - 1]);
        }
        g.count++;
    }

    /** d_i = outDer_i * keep_i * act'(z_i); keep_i = 1 is left out (x * 1 = x exactly). */
    private void deltas(Activation act, int l, double[] d) {
        double[] od = outDer[l];
        double[] ol = out[l];
        double[] zl = z[l];
        if (dropped[l]) {
            double[] kl = keep[l];
            for (int i = 0; i < d.length; i++) d[i] = od[i] * kl[i] * act.derivative(zl[i], ol[i]);
            return;
        }
        switch (act) {
            // tanh'(z) = 1 - out^2
            case TANH -> { for (int i = 0; i < d.length; i++) d[i] = od[i] * (1 - ol[i] * ol[i]); }
            default -> { for (int i = 0; i < d.length; i++) d[i] = od[i] * act.derivative(zl[i], ol[i]); }
        }
    }

    /** gw_ij += d_i prev_j. */
    private static void addOuter(double[] gw, double[] d, double[] prev) {
        int n = prev.length;
        for (int i = 0, row = 0; i < d.length; i++, row += n) {
            double di = d[i];
            for (int j = 0; j < n; j++) gw[row + j] += di * prev[j];
        }
    }

    /** gw_ij += d_i prev_j for live links only. */
    private static void addOuterSkippingDead(double[] gw, double[] d, double[] prev, boolean[] dead) {
        int n = prev.length;
        for (int i = 0, row = 0; i < d.length; i++, row += n) {
            double di = d[i];
            for (int j = 0; j < n; j++) if (!dead[row + j]) gw[row + j] += di * prev[j];
        }
    }

    /** od_j = 0 + sum_i w_ij d_i, i ascending. */
    private static void transposeTimes(double[] w, double[] d, double[] od) {
        int n = od.length;
        Arrays.fill(od, 0);
        for (int i = 0, row = 0; i < d.length; i++, row += n) {
            double di = d[i];
            for (int j = 0; j < n; j++) od[j] += w[row + j] * di;
        }
    }

    /** Per-sample loss of the last forward pass against {@code target}. */
    double loss(double[] target, LossKind loss) {
        double[] o = a[layers];
        double sum = 0;
        for (int i = 0; i < o.length; i++) sum += loss.loss(o[i], target[i]);
        return sum / outputScale(loss, o.length);
    }

    /** Output of every node of layer l after the last forward pass (layer 0 = the inputs). */
    double[] layerOutput(int l) { return a[l]; }

    /** Regression-style losses average over output units (as Keras does); the others sum. */
    private static int outputScale(LossKind loss, int outputs) {
        return switch (loss) {
            case SQUARE, MSE, MAE -> outputs;
            case LOG_LOSS, CROSS_ENTROPY -> 1;
        };
    }

    private static void softmax(double[] z, double[] out) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) max = Math.max(max, v);
        double sum = 0;
        for (int i = 0; i < z.length; i++) {
            out[i] = StrictMath.exp(z[i] - max);
            sum += out[i];
        }
        for (int i = 0; i < z.length; i++) out[i] /= sum;
    }
}
