package org.nnplayground.playground.nn;

/** Loss functions. Link keys: square, mse, mae, logloss, crossentropy. */
public enum LossKind {
    /** TF Playground's 0.5 (o - t)^2. */
    SQUARE("square"),
    /** Mean squared error (o - t)^2, Keras' "mse". */
    MSE("mse"),
    /** Mean absolute error |o - t|. */
    MAE("mae"),
    /** Binary log loss on a sigmoid output, targets 0/1. */
    LOG_LOSS("logloss"),
    /** Categorical cross-entropy on a softmax output, one-hot targets. */
    CROSS_ENTROPY("crossentropy");

    private final String key;

    LossKind(String key) { this.key = key; }

    /** Loss of one output unit against its target (cross-entropy: the unit's share, -t log o). */
    public double loss(double out, double target) {
        return switch (this) {
            // TF's 0.5 * Math.pow(d, 2): pow(d, 2) is exactly d * d (LossKindTest proves it)
            case SQUARE -> 0.5 * ((out - target) * (out - target));
            case MSE -> (out - target) * (out - target);
            case MAE -> Math.abs(out - target);
            case LOG_LOSS -> -(target * safeLog(out) + (1 - target) * safeLog(1 - out));
            case CROSS_ENTROPY -> target == 0 ? 0 : -target * safeLog(out);
        };
    }

    /** d loss / d output of one unit (cross-entropy with softmax is handled as a pair by the network). */
    public double derivative(double out, double target) {
        return switch (this) {
            case SQUARE -> out - target;
            case MSE -> 2 * (out - target);
            case MAE -> Math.signum(out - target);
            case LOG_LOSS -> (out - target) / Math.max(out * (1 - out), EPSILON);
            case CROSS_ENTROPY -> -target / Math.max(out, EPSILON);
        };
    }

    /** Keras clips probabilities the same way so that log(0) never happens. */
    private static final double EPSILON = 1e-7;

    private static double safeLog(double p) {
        return StrictMath.log(Math.min(Math.max(p, EPSILON), 1 - EPSILON));
    }

    public String key() { return key; }

    public static LossKind fromKey(String key) {
        for (LossKind l : values()) if (l.key.equals(key)) return l;
        throw new IllegalArgumentException("unknown loss '" + key + "' (square, mse, mae, logloss, crossentropy)");
    }
}
