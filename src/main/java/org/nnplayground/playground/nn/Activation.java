package org.nnplayground.playground.nn;

/**
 * A node's activation function. {@link #derivative} takes the node's total input and its
 * output (already computed), so no function is evaluated twice. StrictMath (and StrictTanh, its
 * bit-identical pure-Java tanh) keeps TF-exact runs
 * bit for bit equal to the playground's JavaScript.
 */
public enum Activation {
    LINEAR("linear") {
        public double output(double x) { return x; }
        public double derivative(double x, double out) { return 1; }
    },
    RELU("relu") {
        public double output(double x) { return Math.max(0, x); }
        public double derivative(double x, double out) { return x <= 0 ? 0 : 1; }
    },
    TANH("tanh") {
        public double output(double x) { return StrictTanh.tanh(x); }
        public double derivative(double x, double out) { return 1 - out * out; }
    },
    SIGMOID("sigmoid") {
        public double output(double x) { return 1 / (1 + StrictMath.exp(-x)); }
        public double derivative(double x, double out) { return out * (1 - out); }
    },
    /** The perceptron's step: forward only, it has no useful gradient. */
    STEP("step") {
        public double output(double x) { return x >= 0 ? 1 : 0; }
        public double derivative(double x, double out) { return 0; }
    },
    /** Output layer only: normalises the whole layer, so it is applied by the network, not per node. */
    SOFTMAX("softmax") {
        public double output(double x) { throw new UnsupportedOperationException("softmax is a layer function"); }
        public double derivative(double x, double out) { throw new UnsupportedOperationException("softmax is a layer function"); }
    };

    private final String key;

    Activation(String key) { this.key = key; }

    public abstract double output(double x);

    public abstract double derivative(double x, double out);

    /** The name used in links, the CLI and the protocol. */
    public String key() { return key; }

    public static Activation fromKey(String key) {
        for (Activation a : values()) if (a.key.equals(key)) return a;
        throw new IllegalArgumentException("unknown activation '" + key + "'");
    }
}
