package org.nnplayground.playground.nn;

/**
 * A gradient-based update with its own state per parameter block (after Tribuo's
 * StochasticGradientOptimiser): initialise once, beginStep + step per block per update, reset.
 */
interface Optimizer {
    /** Allocates state for blocks of the given sizes. */
    void initialise(int[] blockSizes);

    /** Called once per update, before the blocks are stepped (Adam counts steps here). */
    default void beginStep() {}

    /** Moves {@code params} (block {@code block}) against the mean gradient {@code grad}. */
    void step(int block, double[] params, double[] grad, double learningRate);

    /** Clears the state. */
    void reset();

    /** A copy of the state (saved runs). */
    TrainerState.OptimizerState state();

    /** Puts back a state taken by {@link #state()} from an optimizer of the same kind and sizes. */
    void setState(TrainerState.OptimizerState state);

    /** The optimizer for a kind with Keras' default hyperparameters. */
    static Optimizer of(OptimizerKind kind) {
        return switch (kind) {
            case SGD -> new Momentum(0);
            case MOMENTUM -> new Momentum(0.9);
            case ADAM -> new Adam(0.9, 0.999, 1e-7);
            case RMSPROP -> new RmsProp(0.9, 1e-7);
            case ADAGRAD -> new AdaGrad(0.1, 1e-7);
        };
    }
}
