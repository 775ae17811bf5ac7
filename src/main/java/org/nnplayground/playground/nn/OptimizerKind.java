package org.nnplayground.playground.nn;

/** The update rules a student can pick. */
public enum OptimizerKind {
    SGD("sgd"), MOMENTUM("momentum"), ADAM("adam"), RMSPROP("rmsprop"), ADAGRAD("adagrad");

    private final String key;

    OptimizerKind(String key) { this.key = key; }

    public String key() { return key; }

    public static OptimizerKind fromKey(String key) {
        for (OptimizerKind o : values()) if (o.key.equals(key)) return o;
        throw new IllegalArgumentException("unknown optimizer '" + key + "' (sgd, momentum, adam, rmsprop, adagrad)");
    }
}
