package org.nnplayground.playground.nn;

/** How weights and biases start. */
public enum WeightInit {
    /** TF Playground: weights uniform in [-0.5, 0.5), biases 0.1. */
    TF("tf"),
    /** Everything 0 (TF Playground's initZero): a lesson in symmetry. */
    ZERO("zero"),
    /** Glorot/Xavier uniform: limit sqrt(6 / (fanIn + fanOut)), biases 0. */
    GLOROT("glorot"),
    /** He uniform: limit sqrt(6 / fanIn), biases 0; made for ReLU. */
    HE("he");

    private final String key;

    WeightInit(String key) { this.key = key; }

    public String key() { return key; }

    public static WeightInit fromKey(String key) {
        for (WeightInit w : values()) if (w.key.equals(key)) return w;
        throw new IllegalArgumentException("unknown init '" + key + "'");
    }
}
