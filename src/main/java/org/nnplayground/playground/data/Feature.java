package org.nnplayground.playground.data;

/**
 * Input features computed from a 2-D point, in TF Playground's order and with its link keys.
 * cosX and cosY are accepted by TF links but never become inputs (as in the playground).
 */
public enum Feature {
    X("x", "X_1"),
    Y("y", "X_2"),
    X_SQUARED("xSquared", "X_1^2"),
    Y_SQUARED("ySquared", "X_2^2"),
    X_TIMES_Y("xTimesY", "X_1X_2"),
    SIN_X("sinX", "sin(X_1)"),
    SIN_Y("sinY", "sin(X_2)");

    private final String key;
    private final String label;

    Feature(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public double of(double x, double y) {
        return switch (this) {
            case X -> x;
            case Y -> y;
            case X_SQUARED -> x * x;
            case Y_SQUARED -> y * y;
            case X_TIMES_Y -> x * y;
            case SIN_X -> StrictMath.sin(x);
            case SIN_Y -> StrictMath.sin(y);
        };
    }

    public String key() { return key; }

    public String label() { return label; }

    public static Feature fromKey(String key) {
        for (Feature f : values()) if (f.key.equals(key)) return f;
        throw new IllegalArgumentException("unknown feature '" + key + "'");
    }
}
