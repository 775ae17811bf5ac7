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

    public String key() { return key; }

    public static LossKind fromKey(String key) {
        for (LossKind l : values()) if (l.key.equals(key)) return l;
        throw new IllegalArgumentException("unknown loss '" + key + "' (square, mse, mae, logloss, crossentropy)");
    }
}
