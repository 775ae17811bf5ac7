package org.nnplayground.playground.nn;

/**
 * Everything a {@link Trainer} changes while it trains, so that a saved run resumes bit for bit:
 * parameters (with L1's dead links), the gradients summed since the last update (TF-exact carries
 * a partial batch over to the next epoch), the shuffle/dropout generator and the optimizer's state.
 * Arrays are per layer 1..L (index 0 = layer 1), row-major like {@link Network#weights(int)}.
 *
 * @param order     the training samples' order, which each epoch's shuffle permutes further
 * @param optimizer null for TF's plain SGD rule, which keeps no state
 */
public record TrainerState(int epoch, double[][] weights, double[][] biases, boolean[][] dead,
                           double[][] gradWeights, double[][] gradBiases, int gradCount,
                           long randomState, int[] order, OptimizerState optimizer) {

    /**
     * An adaptive optimizer's state: one or two arrays per parameter block (weights then biases of
     * each layer) and its step count (Adam's t).
     */
    public record OptimizerState(double[][] first, double[][] second, int steps) {}
}
