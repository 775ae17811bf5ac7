package org.nnplayground.playground.nn;

/**
 * Plain gradient descent with TF Playground's exact update (nn.ts updateWeights):
 * b -= lr * accB / n; w -= (lr / n) * accW; then w -= (lr * regRate) * reg'(w_old);
 * with L1, a weight the penalty pushes across 0 becomes 0 and its link dies for good.
 */
final class SgdRule implements UpdateRule {

    @Override
    public void apply(Network net, Gradients g, double learningRate, Regularization reg, double regRate) {
        int n = g.count;
        if (n == 0) return;
        for (int l = 1; l <= net.numLayers(); l++) {
            double[] b = net.biases(l).data;
            double[] gb = g.biases[l].data;
            for (int i = 0; i < b.length; i++) b[i] -= learningRate * gb[i] / n;
            double[] w = net.weights(l).data;
            double[] gw = g.weights[l].data;
            boolean[] dead = net.deadLinks(l);
            for (int k = 0; k < w.length; k++) {
                if (dead[k]) continue;
                double regDer = reg.derivative(w[k]);
                w[k] = w[k] - (learningRate / n) * gw[k];
                double next = w[k] - (learningRate * regRate) * regDer;
                if (reg == Regularization.L1 && w[k] * next < 0) {
                    w[k] = 0;
                    dead[k] = true;
                } else {
                    w[k] = next;
                }
            }
        }
    }

    @Override
    public void reset() {}
}
