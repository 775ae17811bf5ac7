package org.nnplayground.playground.nn;

/**
 * Forward and backward passes for a chunk of samples at once, with the same numbers as
 * {@link Propagation} bit for bit: the samples of one batch share the weights, so each operation
 * runs over all of them in a loop the JIT can unroll and vectorize, while every sample's sums keep
 * TF Playground's order (z = b + w1 a1 + w2 a2 + ..., dLoss/da_prev summed over the next layer's
 * nodes in order) and gradients are added sample by sample in sample order. No dropout: this path
 * serves TF-exact epochs and the loss and accuracy passes.
 * <p>
 * Layout: every per-node array is node-major, value (node i, sample s) at {@code i * cap + s}.
 */
final class BatchPropagation {
    /** Samples per chunk: long enough loops for the JIT, small enough to stay in L1 for small nets. */
    static final int CHUNK = 64;
    /** Node values (all layers' widths x samples) a pass may hold: big networks take shorter chunks. */
    private static final int VALUES = 16_384;

    private final Network net;
    private final NetworkSpec spec;
    private final int layers;
    private final int cap;
    /** z[l]: total input of each node of layer l, per sample. */
    private final double[][] z;
    /** a[l]: output of each node of layer l, per sample (layer 0 = the inputs). */
    private final double[][] a;
    /** delta[l]: dLoss/dz[l]. */
    private final double[][] delta;
    /** outDer[l]: dLoss/da[l]. */
    private final double[][] outDer;
    /** One sample's outputs ({@link #outputs}). */
    private final double[] column;
    /** One sample's softmax values. */
    private final double[] columnOut;
    /** One sample's values of a layer (gradients of wide layers). */
    private final double[] sampleRow;
    /** Samples held by the last forward pass. */
    private int n;

    /** Chunks of up to {@link #CHUNK} samples, fewer for wide networks (each holds 4 arrays of values per node and sample). */
    BatchPropagation(Network net) {
        this(net, Math.max(8, Math.min(CHUNK, VALUES / totalWidth(net.spec()))));
    }

    private static int totalWidth(NetworkSpec spec) {
        int sum = 0;
        for (int l = 0; l <= spec.numLayers(); l++) sum += spec.width(l);
        return sum;
    }

    BatchPropagation(Network net, int capacity) {
        this.net = net;
        this.spec = net.spec();
        this.layers = spec.numLayers();
        this.cap = capacity;
        z = new double[layers + 1][];
        a = new double[layers + 1][];
        delta = new double[layers + 1][];
        outDer = new double[layers + 1][];
        int widest = 0;
        for (int l = 0; l <= layers; l++) {
            int w = spec.width(l) * cap;
            z[l] = new double[w];
            a[l] = new double[w];
            delta[l] = new double[w];
            outDer[l] = new double[w];
            widest = Math.max(widest, spec.width(l));
        }
        column = new double[spec.width(layers)];
        sampleRow = new double[widest];
        columnOut = new double[widest];
    }

    /** Most samples one pass takes. */
    int capacity() { return cap; }

    /** Forward pass of samples {@code inputs[from .. from + count)}, count <= capacity. */
    void forward(double[][] inputs, int from, int count) {
        n = count;
        double[] a0 = a[0];
        int features = spec.width(0);
        for (int s = 0; s < count; s++) {
            double[] x = inputs[from + s];
            for (int j = 0; j < features; j++) a0[j * cap + s] = x[j];
        }
        for (int l = 1; l <= layers; l++) {
            weightedSums(net.weights(l).data, net.biases(l).data, a[l - 1], spec.width(l - 1), z[l]);
            Activation act = spec.activation(l);
            if (act == Activation.SOFTMAX) softmax(l);
            else activate(act, z[l], a[l], spec.width(l));
        }
    }

    /**
     * z_is = b_i + w_i0 a_0s + w_i1 a_1s + ... (per sample: bias first, inputs in order). Four
     * inputs per pass over the samples keep the partial sum in a register; the order is unchanged.
     */
    private void weightedSums(double[] w, double[] b, double[] prev, int inputs, double[] zl) {
        int count = n;
        int c = cap;
        for (int i = 0, row = 0; i < b.length; i++, row += inputs) {
            int zi = i * c;
            double bi = b[i];
            for (int s = 0; s < count; s++) zl[zi + s] = bi;
            int j = 0;
            for (; j + 4 <= inputs; j += 4) {
                double w0 = w[row + j];
                double w1 = w[row + j + 1];
                double w2 = w[row + j + 2];
                double w3 = w[row + j + 3];
                int p0 = j * c;
                int p1 = p0 + c;
                int p2 = p1 + c;
                int p3 = p2 + c;
                for (int s = 0; s < count; s++) {
                    double t = zl[zi + s];
                    t += w0 * prev[p0 + s];
                    t += w1 * prev[p1 + s];
                    t += w2 * prev[p2 + s];
                    t += w3 * prev[p3 + s];
                    zl[zi + s] = t;
                }
            }
            for (; j < inputs; j++) {
                double wij = w[row + j];
                int pj = j * c;
                for (int s = 0; s < count; s++) zl[zi + s] += wij * prev[pj + s];
            }
        }
    }

    /** a = act(z) over the live samples of every node (the same calls as Propagation). */
    private void activate(Activation act, double[] zl, double[] al, int width) {
        int count = n;
        for (int i = 0; i < width; i++) {
            int from = i * cap;
            int to = from + count;
            switch (act) {
                case TANH -> { for (int k = from; k < to; k++) al[k] = StrictTanh.tanh(zl[k]); }
                case RELU -> { for (int k = from; k < to; k++) al[k] = Math.max(0, zl[k]); }
                case LINEAR -> System.arraycopy(zl, from, al, from, count);
                default -> { for (int k = from; k < to; k++) al[k] = act.output(zl[k]); }
            }
        }
    }

    /** Softmax of each sample's column, in Propagation's order of operations. */
    private void softmax(int l) {
        int width = spec.width(l);
        double[] zl = z[l];
        double[] al = a[l];
        for (int s = 0; s < n; s++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < width; i++) max = Math.max(max, zl[i * cap + s]);
            double sum = 0;
            for (int i = 0; i < width; i++) {
                columnOut[i] = StrictMath.exp(zl[i * cap + s] - max);
                sum += columnOut[i];
            }
            for (int i = 0; i < width; i++) al[i * cap + s] = columnOut[i] / sum;
        }
    }

    /**
     * Adds the gradients of the samples of the last forward pass to {@code g}, sample by sample in
     * order; {@code targets[from + s]} is sample s's target. Dead links get none.
     */
    void backward(double[][] targets, int from, LossKind loss, Gradients g) {
        int count = n;
        int c = cap;
        int outputs = spec.width(layers);
        double[] o = a[layers];
        boolean softmax = spec.outputActivation() == Activation.SOFTMAX;
        if (softmax) {
            // softmax + cross-entropy: dLoss/dz = o - t
            double[] d = delta[layers];
            for (int s = 0; s < count; s++) {
                double[] t = targets[from + s];
                for (int i = 0; i < outputs; i++) d[i * c + s] = o[i * c + s] - t[i];
            }
        } else {
            double[] od = outDer[layers];
            int scale = outputScale(loss, outputs);
            for (int s = 0; s < count; s++) {
                double[] t = targets[from + s];
                for (int i = 0; i < outputs; i++) od[i * c + s] = loss.derivative(o[i * c + s], t[i]) / scale;
            }
        }
        for (int l = layers; l >= 1; l--) {
            double[] d = delta[l];
            int width = spec.width(l);
            int inputs = spec.width(l - 1);
            // delta = dLoss/da * da/dz
            if (!(softmax && l == layers)) deltas(spec.activation(l), l, d, width);
            // db_i += delta_is, s ascending
            double[] gb = g.biases[l].data;
            for (int i = 0; i < width; i++) {
                double sum = gb[i];
                for (int s = 0, k = i * c; s < count; s++, k++) sum += d[k];
                gb[i] = sum;
            }
            // dW_ij += delta_is a_prev_js, s ascending, skipping links TF's L1 rule has killed
            boolean[] dead = net.anyDead(l) ? net.deadLinks(l) : null;
            if (inputs >= NodeMajorGradients.WIDE) NodeMajorGradients.addOuterBySample(g.weights[l].data, d, a[l - 1], width, inputs, dead, count, c, sampleRow);
            else NodeMajorGradients.addOuterByLink(g.weights[l].data, d, a[l - 1], width, inputs, dead, count, c);
            // dLoss/da_prev_js = 0 + sum_i w_ij delta_is, i ascending
            if (l > 1) NodeMajorGradients.transposeTimes(net.weights(l).data, d, width, inputs, outDer[l - 1], count, c);
        }
        g.count += count;
    }

    /** d = outDer * act'(z) (tanh: 1 - out^2), as Propagation computes it without dropout. */
    private void deltas(Activation act, int l, double[] d, int width) {
        double[] od = outDer[l];
        double[] ol = a[l];
        double[] zl = z[l];
        int count = n;
        for (int i = 0; i < width; i++) {
            int from = i * cap;
            int to = from + count;
            switch (act) {
                case TANH -> { for (int k = from; k < to; k++) d[k] = od[k] * (1 - ol[k] * ol[k]); }
                case RELU -> { for (int k = from; k < to; k++) d[k] = od[k] * (zl[k] <= 0 ? 0 : 1); }
                default -> { for (int k = from; k < to; k++) d[k] = od[k] * act.derivative(zl[k], ol[k]); }
            }
        }
    }

    /** Loss of sample s of the last forward pass against {@code target} (Propagation.loss's sum). */
    double loss(int s, double[] target, LossKind loss) {
        double[] o = a[layers];
        int outputs = spec.width(layers);
        double sum = 0;
        for (int i = 0; i < outputs; i++) sum += loss.loss(o[i * cap + s], target[i]);
        return sum / outputScale(loss, outputs);
    }

    /** Output i of sample s of the last forward pass. */
    double output(int s, int i) { return a[layers][i * cap + s]; }

    /** Copies sample s's outputs into a reused array and returns it. */
    double[] outputs(int s) {
        int outputs = spec.width(layers);
        for (int i = 0; i < outputs; i++) column[i] = a[layers][i * cap + s];
        return column;
    }

    private static int outputScale(LossKind loss, int outputs) {
        return switch (loss) {
            case SQUARE, MSE, MAE -> outputs;
            case LOG_LOSS, CROSS_ENTROPY -> 1;
        };
    }
}
