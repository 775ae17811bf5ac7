package org.nnplayground.playground.nn;

/** AdaGrad: s += g^2; p -= lr g / (sqrt(s) + eps); s starts at Keras' 0.1. */
final class AdaGrad extends StatefulOptimizer {
    private final double epsilon;

    AdaGrad(double initialAccumulator, double epsilon) {
        super(1, initialAccumulator);
        this.epsilon = epsilon;
    }

    @Override
    public void step(int block, double[] p, double[] g, double lr) {
        double[] s = first[block];
        for (int k = 0; k < p.length; k++) {
            s[k] += g[k] * g[k];
            p[k] -= lr * g[k] / (Math.sqrt(s[k]) + epsilon);
        }
    }
}
