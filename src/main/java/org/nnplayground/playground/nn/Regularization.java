package org.nnplayground.playground.nn;

/** Weight penalty added to the loss: L1 = |w|, L2 = w^2 / 2 (TF Playground's definitions). */
public enum Regularization {
    NONE("none") {
        public double penalty(double w) { return 0; }
        public double derivative(double w) { return 0; }
    },
    L1("L1") {
        public double penalty(double w) { return Math.abs(w); }
        public double derivative(double w) { return w < 0 ? -1 : (w > 0 ? 1 : 0); }
    },
    L2("L2") {
        public double penalty(double w) { return 0.5 * w * w; }
        public double derivative(double w) { return w; }
    };

    private final String key;

    Regularization(String key) { this.key = key; }

    public abstract double penalty(double w);

    public abstract double derivative(double w);

    public String key() { return key; }

    public static Regularization fromKey(String key) {
        for (Regularization r : values()) if (r.key.equalsIgnoreCase(key)) return r;
        throw new IllegalArgumentException("unknown regularization '" + key + "'");
    }
}
