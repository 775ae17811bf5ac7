package org.nnplayground.playground.nn;

/** RMSprop: s = rho s + (1-rho) g^2; p -= lr g / (sqrt(s) + eps). */
final class RmsProp extends StatefulOptimizer {
    private final double rho;
    private final double epsilon;

    RmsProp(double rho, double epsilon) {
        super(1, 0);
        this.rho = rho;
        this.epsilon = epsilon;
    }

    @Override
    public void step(int block, double[] p, double[] g, double lr) {
        double[] s = first[block];
        for (int k = 0; k < p.length; k++) {
            s[k] = rho * s[k] + (1 - rho) * g[k] * g[k];
            p[k] -= lr * g[k] / (Math.sqrt(s[k]) + epsilon);
        }
    }
}
