package org.nnplayground.playground.nn;

/**
 * Approximate activations for drawing heatmaps only (8 bits per cell are plenty):
 * several times faster than StrictMath and accurate to about 1e-4.
 */
final class FastActivations {
    private FastActivations() {}

    /** Where Lambert's fraction reaches its largest value below 1 (it exceeds 1 just after 4.9718). */
    private static final double LIMIT = 4.97;

    /**
     * tanh by Lambert's continued fraction (7th order) on x clamped to [-4.97, 4.97]; branch-free,
     * so loops over it vectorise; within 1e-4 of tanh everywhere:
     * tanh x ~ x (135135 + 17325 x^2 + 378 x^4 + x^6) / (135135 + 62370 x^2 + 3150 x^4 + 28 x^6).
     */
    static double tanh(double x) {
        double c = Math.max(-LIMIT, Math.min(LIMIT, x));
        double x2 = c * c;
        double p = c * (135135 + x2 * (17325 + x2 * (378 + x2)));
        double q = 135135 + x2 * (62370 + x2 * (3150 + 28 * x2));
        return p / q;
    }

    /** Applies {@code act} to every value of {@code v} in [from, to). */
    static void apply(Activation act, double[] v, int from, int to) {
        switch (act) {
            case LINEAR -> { }
            case RELU -> { for (int i = from; i < to; i++) v[i] = Math.max(v[i], 0.0); }
            case TANH -> { for (int i = from; i < to; i++) v[i] = tanh(v[i]); }
            case SIGMOID -> { for (int i = from; i < to; i++) v[i] = 0.5 + 0.5 * tanh(0.5 * v[i]); }
            case STEP -> { for (int i = from; i < to; i++) v[i] = v[i] >= 0 ? 1 : 0; }
            case SOFTMAX -> throw new IllegalArgumentException("softmax is applied per column");
        }
    }
}
