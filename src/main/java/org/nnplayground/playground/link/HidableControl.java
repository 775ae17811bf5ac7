package org.nnplayground.playground.link;

import java.util.List;

/**
 * A control a classroom link can hide with {@code <name>_hide=true}: TF Playground's list, in its
 * order (its "use it in classroom" section), then our controls.
 */
public record HidableControl(String name, String label) {

    /** Every hidable control, TF's first. */
    public static final List<HidableControl> ALL = List.of(
            new HidableControl(LinkKey.SHOW_TEST_DATA.key(), LinkKey.SHOW_TEST_DATA.label()),
            new HidableControl(LinkKey.DISCRETIZE.key(), LinkKey.DISCRETIZE.label()),
            new HidableControl("playButton", "Play button"),
            new HidableControl("stepButton", "Step button"),
            new HidableControl("resetButton", "Reset button"),
            new HidableControl(LinkKey.LEARNING_RATE.key(), LinkKey.LEARNING_RATE.label()),
            new HidableControl(LinkKey.ACTIVATION.key(), LinkKey.ACTIVATION.label()),
            new HidableControl(LinkKey.REGULARIZATION.key(), LinkKey.REGULARIZATION.label()),
            new HidableControl(LinkKey.REGULARIZATION_RATE.key(), LinkKey.REGULARIZATION_RATE.label()),
            new HidableControl(LinkKey.PROBLEM.key(), LinkKey.PROBLEM.label()),
            new HidableControl(LinkKey.DATASET.key(), LinkKey.DATASET.label()),
            new HidableControl(LinkKey.PERC_TRAIN_DATA.key(), "Ratio train data"),
            new HidableControl(LinkKey.NOISE.key(), "Noise level"),
            new HidableControl(LinkKey.BATCH_SIZE.key(), LinkKey.BATCH_SIZE.label()),
            new HidableControl("numHiddenLayers", "# of hidden layers"),
            new HidableControl(LinkKey.OPTIMIZER.key(), LinkKey.OPTIMIZER.label()),
            new HidableControl(LinkKey.LOSS.key(), LinkKey.LOSS.label()),
            new HidableControl(LinkKey.OUTPUT.key(), LinkKey.OUTPUT.label()),
            new HidableControl(LinkKey.DROPOUT.key(), LinkKey.DROPOUT.label()),
            new HidableControl(LinkKey.INIT.key(), LinkKey.INIT.label()),
            new HidableControl(LinkKey.SPEED.key(), LinkKey.SPEED.label()));
}
