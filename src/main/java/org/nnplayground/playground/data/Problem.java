package org.nnplayground.playground.data;

/** What the network predicts: a class (2 or more) or a number. */
public enum Problem {
    CLASSIFICATION("classification"),
    REGRESSION("regression");

    private final String key;

    Problem(String key) { this.key = key; }

    /** The value used in playground links. */
    public String key() { return key; }
}
