package org.nnplayground.playground.nn;

/**
 * Plain gradient descent with TF Playground's exact update (nn.ts updateWeights):
 * b -= lr * accB / n; w -= (lr / n) * accW; then w -= (lr * regRate) * reg'(w_old);
 * with L1, a weight the penalty pushes across 0 becomes 0 and its link dies for good.
 * The loops are specialised per regularization; every expression is evaluated exactly as above.
 */
final class SgdRule implements UpdateRule {

    @Override
    public void apply(Network net, Gradients g, double learningRate, Regularization reg, double regRate) {
        int n = g.count;
        if (n == 0) return;
        double step = learningRate / n;
        double regStep = learningRate * regRate;
        // with reg' = 0 the penalty step is w - regStep * 0, which is w itself when regStep * 0 is +0
        boolean noPenalty = reg == Regularization.NONE && Double.doubleToRawLongBits(regStep * 0.0) == 0L;
        for (int l = 1; l <= net.numLayers(); l++) {
            double[] b = net.biases(l).data;
            double[] gb = g.biases[l].data;
            for (int i = 0; i < b.length; i++) b[i] -= learningRate * gb[i] / n;
            double[] w = net.weights(l).data;
            double[] gw = g.weights[l].data;
            if (net.anyDead(l) || reg == Regularization.L1) general(net, l, w, gw, step, reg, regStep);
            else if (noPenalty) gradientOnly(w, gw, step);
            else if (reg == Regularization.L2) withL2(w, gw, step, regStep);
            else general(net, l, w, gw, step, reg, regStep);
        }
    }

    /** w = w - step * gw. */
    private static void gradientOnly(double[] w, double[] gw, double step) {
        for (int k = 0; k < w.length; k++) w[k] = w[k] - step * gw[k];
    }

    /** w1 = w0 - step * gw; w = w1 - regStep * w0 (L2: reg'(w) = w), no dead links. */
    private static void withL2(double[] w, double[] gw, double step, double regStep) {
        for (int k = 0; k < w.length; k++) {
            double old = w[k];
            double next = old - step * gw[k];
            w[k] = next - regStep * old;
        }
    }

    /** The full rule: skips dead links; L1 kills a link whose weight the penalty pushes across 0. */
    private static void general(Network net, int l, double[] w, double[] gw, double step, Regularization reg, double regStep) {
        boolean[] dead = net.deadLinks(l);
        boolean l1 = reg == Regularization.L1;
        for (int k = 0; k < w.length; k++) {
            if (dead[k]) continue;
            double regDer = reg.derivative(w[k]);
            w[k] = w[k] - step * gw[k];
            double next = w[k] - regStep * regDer;
            if (l1 && w[k] * next < 0) {
                w[k] = 0;
                net.setDead(l, k, true);
            } else {
                w[k] = next;
            }
        }
    }

    @Override
    public void reset() {}
}
