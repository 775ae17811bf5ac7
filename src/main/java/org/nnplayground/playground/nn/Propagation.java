package org.nnplayground.playground.nn;

import java.util.Arrays;
import java.util.SplittableRandom;

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
    double[] forwardTraining(double[] input, double dropout, SplittableRandom random) {
        return run(input, dropout, random);
    }

    private double[] run(double[] input, double dropout, SplittableRandom random) {
        System.arraycopy(input, 0, a[0], 0, input.length);
        for (int l = 1; l <= layers; l++) {
            double[] w = net.weights(l).data;
            double[] b = net.biases(l).data;
            double[] prev = a[l - 1];
            int n = prev.length;
            Activation act = spec.activation(l);
            // z = b + W a_prev, summed in TF Playground's order
            for (int i = 0, row = 0; i < z[l].length; i++, row += n) {
                double total = b[i];
                for (int j = 0; j < n; j++) total += w[row + j] * prev[j];
                z[l][i] = total;
                if (act != Activation.SOFTMAX) out[l][i] = act.output(total);
            }
            if (act == Activation.SOFTMAX) softmax(z[l], out[l]);
            boolean drop = dropout > 0 && l < layers;
            if (drop) {
                double scale = 1 / (1 - dropout);
                for (int i = 0; i < a[l].length; i++) {
                    keep[l][i] = random.nextDouble() < dropout ? 0 : scale;
                    a[l][i] = out[l][i] * keep[l][i];
                }
            } else {
                Arrays.fill(keep[l], 1);
                System.arraycopy(out[l], 0, a[l], 0, a[l].length);
            }
        }
        return a[layers];
    }

    /** Adds this sample's gradients (after a forward pass) to {@code g}; dead links get none. */
    void backward(double[] target, LossKind loss, Gradients g) {
        int last = layers;
        double[] o = a[last];
        boolean softmax = spec.outputActivation() == Activation.SOFTMAX;
        for (int i = 0; i < o.length; i++) {
            // softmax + cross-entropy: dLoss/dz = o - t (the Jacobian folds away)
            if (softmax) delta[last][i] = o[i] - target[i];
            else outDer[last][i] = loss.derivative(o[i], target[i]) / outputScale(loss, o.length);
        }
        for (int l = last; l >= 1; l--) {
            Activation act = spec.activation(l);
            double[] d = delta[l];
            if (!(softmax && l == last)) {
                // delta = dLoss/da * da/dz  (da/dz includes the dropout factor)
                for (int i = 0; i < d.length; i++) d[i] = outDer[l][i] * keep[l][i] * act.derivative(z[l][i], out[l][i]);
            }
            double[] gb = g.biases[l].data;
            for (int i = 0; i < d.length; i++) gb[i] += d[i];
            // dW += delta a_prev^T, skipping links TF's L1 rule has killed
            double[] gw = g.weights[l].data;
            boolean[] dead = net.deadLinks(l);
            double[] prev = a[l - 1];
            int n = prev.length;
            for (int i = 0, row = 0; i < d.length; i++, row += n) {
                double di = d[i];
                for (int j = 0; j < n; j++) if (!dead[row + j]) gw[row + j] += di * prev[j];
            }
            if (l == 1) continue;
            // dLoss/da_prev = W^T delta, summed over the next layer's nodes in order
            double[] w = net.weights(l).data;
            double[] od = outDer[l - 1];
            Arrays.fill(od, 0);
            for (int i = 0, row = 0; i < d.length; i++, row += n) {
                double di = d[i];
                for (int j = 0; j < n; j++) od[j] += w[row + j] * di;
            }
        }
        g.count++;
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
