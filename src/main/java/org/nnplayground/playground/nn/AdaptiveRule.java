package org.nnplayground.playground.nn;

/**
 * Optimizers with per-parameter state. The gradient of weight w is the batch mean of dLoss/dw
 * plus regRate * reg'(w); biases are not regularized (as in Keras and TF Playground).
 */
final class AdaptiveRule implements UpdateRule {
    private final Optimizer optimizer;
    /** One gradient buffer reused for every layer (sized for the largest). */
    private final double[] grad;
    private final int layers;

    AdaptiveRule(NetworkSpec spec, Optimizer optimizer) {
        this.optimizer = optimizer;
        this.layers = spec.numLayers();
        int[] sizes = new int[2 * layers];
        int largest = 0;
        for (int l = 1; l <= layers; l++) {
            sizes[2 * (l - 1)] = spec.width(l) * spec.width(l - 1);
            sizes[2 * (l - 1) + 1] = spec.width(l);
            largest = Math.max(largest, sizes[2 * (l - 1)]);
        }
        optimizer.initialise(sizes);
        grad = new double[largest];
    }

    @Override
    public void apply(Network net, Gradients g, double learningRate, Regularization reg, double regRate) {
        int n = g.count;
        if (n == 0) return;
        optimizer.beginStep();
        for (int l = 1; l <= layers; l++) {
            double[] w = net.weights(l).data;
            double[] gw = g.weights[l].data;
            for (int k = 0; k < w.length; k++) grad[k] = gw[k] / n + regRate * reg.derivative(w[k]);
            optimizer.step(2 * (l - 1), w, grad, learningRate);
            double[] b = net.biases(l).data;
            double[] gb = g.biases[l].data;
            for (int i = 0; i < b.length; i++) grad[i] = gb[i] / n;
            optimizer.step(2 * (l - 1) + 1, b, grad, learningRate);
        }
    }

    @Override
    public void reset() { optimizer.reset(); }

    @Override
    public TrainerState.OptimizerState state() { return optimizer.state(); }

    @Override
    public void setState(TrainerState.OptimizerState state) {
        if (state == null) throw new IllegalArgumentException("the saved run has no state for this optimizer");
        optimizer.setState(state);
    }
}
