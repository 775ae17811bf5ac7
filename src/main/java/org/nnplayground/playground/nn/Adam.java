package org.nnplayground.playground.nn;

/**
 * Adam (Kingma and Ba): m = b1 m + (1-b1) g; v = b2 v + (1-b2) g^2;
 * p -= lr_t m / (sqrt(v) + eps) with lr_t = lr sqrt(1-b2^t) / (1-b1^t), as Keras computes it.
 */
final class Adam extends StatefulOptimizer {
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private int t;

    Adam(double beta1, double beta2, double epsilon) {
        super(2, 0);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    @Override
    public void beginStep() { t++; }

    @Override
    public void step(int block, double[] p, double[] g, double lr) {
        double[] m = first[block];
        double[] v = second[block];
        double lrT = lr * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t));
        for (int k = 0; k < p.length; k++) {
            m[k] = beta1 * m[k] + (1 - beta1) * g[k];
            v[k] = beta2 * v[k] + (1 - beta2) * g[k] * g[k];
            p[k] -= lrT * m[k] / (Math.sqrt(v[k]) + epsilon);
        }
    }

    @Override
    protected int steps() { return t; }

    @Override
    protected void setSteps(int steps) { t = steps; }

    @Override
    public void reset() {
        super.reset();
        t = 0;
    }
}
