package org.nnplayground.playground.link;

import org.nnplayground.playground.nn.TrainingConfig;

/** The ranges link values are held to; out-of-range numbers are clamped with a warning. Training's own bounds are TrainingConfig's. */
public final class LinkLimits {

    /** TF Playground stops at 6 hidden layers; we allow more for deeper experiments. */
    public static final int MAX_HIDDEN_LAYERS = 10;
    /** TF Playground stops at 8 neurons per layer; we allow wider layers. */
    public static final int MAX_NEURONS = 256;
    public static final int MIN_NEURONS = 1;

    public static final int MIN_BATCH_SIZE = 1;
    public static final int MAX_BATCH_SIZE = 10_000;

    /** A rate of 0 or below would never learn, so it is lifted to this. */
    public static final double MIN_LEARNING_RATE = 0.00001;
    public static final double MAX_LEARNING_RATE = TrainingConfig.MAX_LEARNING_RATE;

    public static final double MIN_REGULARIZATION_RATE = 0;
    public static final double MAX_REGULARIZATION_RATE = TrainingConfig.MAX_REGULARIZATION_RATE;

    /** Noise is a percentage; TF Playground's slider goes to 50. */
    public static final int MIN_NOISE = 0;
    public static final int MAX_NOISE = 50;

    public static final int MIN_PERC_TRAIN_DATA = 10;
    /** All points may train (no test set) on tables and CSVs, ... */
    public static final int MAX_PERC_TRAIN_DATA = 100;
    /** ... but TF Playground's own data sets keep its 10..90. */
    public static final int MAX_PERC_TRAIN_DATA_TF = 90;

    /** Epochs per frame while playing; 0 = as many as a frame's time allows. */
    public static final int MIN_SPEED = 0;
    public static final int MAX_SPEED = 1000;

    /** Dropping every neuron would leave nothing to train. */
    public static final double MIN_DROPOUT = 0;
    public static final double MAX_DROPOUT = TrainingConfig.MAX_DROPOUT;

    /** A schedule's factor per period: 0.01 (a hundredfold drop) to 1 (no decay). */
    public static final double MIN_LR_DECAY = 0.01;
    public static final int MAX_LR_PERIOD = 100_000;
    /** Patience of early stopping, in epochs (0 = off). */
    public static final int MAX_EARLY_STOP = 10_000;

    private LinkLimits() { }
}
