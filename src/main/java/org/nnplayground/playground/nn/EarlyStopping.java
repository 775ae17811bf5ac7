package org.nnplayground.playground.nn;

/**
 * Keras' EarlyStopping(patience, restore_best_weights=True): watches the test loss (the training loss
 * when there is no test data) after each epoch, keeps a copy of the best weights, and says stop once
 * {@code patience} epochs have passed without a new best; the trainer then restores that copy.
 */
public final class EarlyStopping {
    private final int patience;
    private Network best;
    private double bestLoss = Double.POSITIVE_INFINITY;
    private int bestEpoch = -1;
    private int sinceBest;

    public EarlyStopping(int patience) {
        if (patience < 1) throw new IllegalArgumentException("early stopping needs a patience of at least 1 epoch");
        this.patience = patience;
    }

    /** Records an epoch's figures; true when training should stop now. */
    boolean observe(EpochStats stats, Network net) {
        double loss = stats.test() != null ? stats.test().loss() : stats.train().loss();
        if (loss < bestLoss) {
            bestLoss = loss;
            bestEpoch = stats.epoch();
            sinceBest = 0;
            if (best == null) best = net.copy();
            else best.copyFrom(net);
            return false;
        }
        return ++sinceBest >= patience;
    }

    /** Puts the best weights back into {@code net}; the count starts again, so training may go on. */
    void restoreInto(Network net) {
        if (best != null) net.copyFrom(best);
        sinceBest = 0;
    }

    /** The epoch with the lowest watched loss so far (-1 before any). */
    public int bestEpoch() { return bestEpoch; }

    public int patience() { return patience; }
}
