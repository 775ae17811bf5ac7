package org.nnplayground.playground.nn;

/** Turns accumulated gradients into new parameters. Life cycle: created per network, applied per batch. */
interface UpdateRule {
    /** Applies the mean of {@code g} to {@code net}; the caller clears {@code g} afterwards. */
    void apply(Network net, Gradients g, double learningRate, Regularization reg, double regRate);

    /** Forgets any state (moments, caches), as after new weights. */
    void reset();

    /** A copy of the rule's state, or null when it keeps none (saved runs). */
    default TrainerState.OptimizerState state() { return null; }

    /** Puts back a state from {@link #state()}. */
    default void setState(TrainerState.OptimizerState state) {}
}
