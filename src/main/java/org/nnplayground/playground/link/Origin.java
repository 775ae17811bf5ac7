package org.nnplayground.playground.link;

/** Who defined a link key: TensorFlow Playground, or this project. */
public enum Origin {
    TENSORFLOW,
    OURS
}
