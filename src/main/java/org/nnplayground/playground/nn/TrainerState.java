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

    /** Copies a trainer's parts (the copying lives with the record, so the two cannot drift apart). */
    static TrainerState capture(int epoch, Network net, Gradients gradients, SplitMix random, int[] order, UpdateRule rule) {
        int layers = net.numLayers();
        double[][] w = new double[layers][];
        double[][] b = new double[layers][];
        boolean[][] dead = new boolean[layers][];
        double[][] gw = new double[layers][];
        double[][] gb = new double[layers][];
        for (int l = 1; l <= layers; l++) {
            w[l - 1] = net.weights(l).data.clone();
            b[l - 1] = net.biases(l).data.clone();
            dead[l - 1] = net.deadLinks(l).clone();
            gw[l - 1] = gradients.weights[l].data.clone();
            gb[l - 1] = gradients.biases[l].data.clone();
        }
        return new TrainerState(epoch, w, b, dead, gw, gb, gradients.count, random.state(), order.clone(), rule.state());
    }

    /** Puts this state into a trainer's parts of the same shape and optimizer (the epoch is the caller's to set). */
    void restoreInto(Network net, Gradients gradients, SplitMix random, int[] order, UpdateRule rule) {
        int layers = net.numLayers();
        if (weights.length != layers) throw new IllegalArgumentException("the saved weights do not fit this network");
        for (int l = 1; l <= layers; l++) {
            copy(weights[l - 1], net.weights(l).data);
            copy(biases[l - 1], net.biases(l).data);
            boolean[] deadHere = dead[l - 1];
            if (deadHere.length != net.deadLinks(l).length) throw new IllegalArgumentException("the saved weights do not fit this network");
            for (int k = 0; k < deadHere.length; k++) if (net.deadLinks(l)[k] != deadHere[k]) net.setDead(l, k, deadHere[k]);
            copy(gradWeights[l - 1], gradients.weights[l].data);
            copy(gradBiases[l - 1], gradients.biases[l].data);
        }
        gradients.count = gradCount;
        if (this.order.length != order.length) throw new IllegalArgumentException("the saved run has a different number of training samples");
        System.arraycopy(this.order, 0, order, 0, order.length);
        random.setState(randomState);
        if (optimizer != null || rule.state() != null) rule.setState(optimizer);
    }

    private static void copy(double[] from, double[] to) {
        if (from.length != to.length) throw new IllegalArgumentException("the saved weights do not fit this network");
        System.arraycopy(from, 0, to, 0, to.length);
    }
}
