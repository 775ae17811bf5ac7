package org.nnplayground.playground.nn;

/**
 * How a network learns.
 *
 * @param tfExact follow TF Playground's rules exactly: SGD with its update, no shuffling,
 *                a partial last batch carried into the next epoch
 * @param seed    seeds this run's own shuffling and dropout (TF-exact runs draw nothing)
 */
public record TrainingConfig(LossKind loss, OptimizerKind optimizer, double learningRate,
                             Regularization regularization, double regularizationRate,
                             int batchSize, double dropout, boolean tfExact, long seed) {

    /** The largest rates and dropout that train (links are clamped to them: LinkLimits). */
    public static final double MAX_LEARNING_RATE = 10;
    public static final double MAX_REGULARIZATION_RATE = 10;
    public static final double MAX_DROPOUT = 0.9;

    /** Refuses settings that cannot train, with a message that says why. */
    public TrainingConfig validate() {
        check(Double.isFinite(learningRate) && learningRate > 0 && learningRate <= MAX_LEARNING_RATE,
                "learning rate must be in (0, " + MAX_LEARNING_RATE + "] (got " + learningRate + ")");
        check(Double.isFinite(regularizationRate) && regularizationRate >= 0 && regularizationRate <= MAX_REGULARIZATION_RATE,
                "regularization rate must be in [0, " + MAX_REGULARIZATION_RATE + "] (got " + regularizationRate + ")");
        check(batchSize >= 1, "batch size must be at least 1 (got " + batchSize + ")");
        check(dropout >= 0 && dropout <= MAX_DROPOUT, "dropout must be in [0, " + MAX_DROPOUT + "] (got " + dropout + ")");
        check(!tfExact || (optimizer == OptimizerKind.SGD && loss == LossKind.SQUARE && dropout == 0),
                "TF-exact training uses SGD, square loss and no dropout");
        return this;
    }

    public TrainingConfig withLearningRate(double lr) {
        return new TrainingConfig(loss, optimizer, lr, regularization, regularizationRate, batchSize, dropout, tfExact, seed).validate();
    }

    public TrainingConfig withRegularization(Regularization reg, double rate) {
        return new TrainingConfig(loss, optimizer, learningRate, reg, rate, batchSize, dropout, tfExact, seed).validate();
    }

    private static void check(boolean ok, String message) {
        if (!ok) throw new IllegalArgumentException(message);
    }
}
