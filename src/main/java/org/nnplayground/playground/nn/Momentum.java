package org.nnplayground.playground.nn;

/** SGD with momentum: v = beta v - lr g; p += v. With beta = 0 it is plain SGD. */
final class Momentum extends StatefulOptimizer {
    private final double beta;

    Momentum(double beta) {
        super(1, 0);
        this.beta = beta;
    }

    @Override
    public void step(int block, double[] p, double[] g, double lr) {
        double[] v = first[block];
        for (int k = 0; k < p.length; k++) {
            v[k] = beta * v[k] - lr * g[k];
            p[k] += v[k];
        }
    }
}
