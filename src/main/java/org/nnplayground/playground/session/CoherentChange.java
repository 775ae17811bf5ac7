package org.nnplayground.playground.session;

import java.util.ArrayList;
import java.util.List;
import org.nnplayground.playground.data.DataSet;
import org.nnplayground.playground.link.LinkKey;
import org.nnplayground.playground.link.LinkResult;
import org.nnplayground.playground.link.OutputChoice;
import org.nnplayground.playground.link.PlaygroundSettings;
import org.nnplayground.playground.nn.LossKind;

/**
 * Keeps the output layer and the loss a coherent pair when a student changes one of them: softmax
 * goes with cross-entropy, log loss with one sigmoid unit. Picking one switches the other and says
 * so; a pair the data cannot take (square loss on 3 classes) is refused with one plain message. New
 * data that cannot take the chosen pair (log loss, then 4 blobs) puts both back to auto and says so.
 */
final class CoherentChange {
    private CoherentChange() {}

    /** {@code changed} (the result of setting {@code key}) with its partner adjusted, and the notes. */
    static LinkResult apply(LinkResult changed, String key, DataSet data) {
        PlaygroundSettings s = changed.settings();
        List<String> notes = new ArrayList<>(changed.warnings());
        boolean manyClasses = data.numClasses() > 2;
        if (key.equals(LinkKey.OUTPUT.key())) {
            OutputChoice output = s.output();
            if (output == OutputChoice.SOFTMAX && (!s.isSet(LinkKey.LOSS) || s.loss() != LossKind.CROSS_ENTROPY)) {
                s = s.with(LinkKey.LOSS, LossKind.CROSS_ENTROPY.key());
                notes.add("Softmax output: the loss is now cross-entropy (the two go together).");
            } else if (output != OutputChoice.SOFTMAX && output != OutputChoice.AUTO && manyClasses) {
                throw new IllegalArgumentException(data.numClasses() + " classes need a softmax output (or auto)");
            } else if (output != OutputChoice.SOFTMAX && s.isSet(LinkKey.LOSS) && s.loss() == LossKind.CROSS_ENTROPY) {
                s = s.withDefault(LinkKey.LOSS);
                notes.add(label(output) + " output: the loss is now square (cross-entropy goes with softmax).");
            } else if (output != OutputChoice.SIGMOID && s.isSet(LinkKey.LOSS) && s.loss() == LossKind.LOG_LOSS) {
                s = s.withDefault(LinkKey.LOSS);
                notes.add(label(output) + " output: the loss is now square (log loss goes with a sigmoid output).");
            }
        } else if (key.equals(LinkKey.DATASET.key()) || key.equals(LinkKey.REG_DATASET.key()) || key.equals(LinkKey.PROBLEM.key())) {
            s = withTablePreset(s, key, notes);
            // new data with another number of classes: an output/loss pair chosen for the old data
            // (log loss on 4 blobs, softmax on regression) goes back to auto instead of refusing the data
            int classes = s.datasetInUse().numClasses();
            boolean many = classes > 2;
            boolean output = s.isSet(LinkKey.OUTPUT) && s.output() != OutputChoice.AUTO;
            boolean loss = s.isSet(LinkKey.LOSS);
            boolean misfit = many ? (output && s.output() != OutputChoice.SOFTMAX) || (loss && s.loss() != LossKind.CROSS_ENTROPY)
                    : classes == 0 && ((output && s.output() == OutputChoice.SOFTMAX)
                            || (loss && (s.loss() == LossKind.CROSS_ENTROPY || s.loss() == LossKind.LOG_LOSS)));
            if (misfit) {
                s = s.withDefault(LinkKey.OUTPUT).withDefault(LinkKey.LOSS);
                notes.add(many ? classes + " classes: the output is back to auto (softmax) and the loss to cross-entropy."
                        : "Regression: the output is back to auto (linear) and the loss to square.");
            }
        } else if (key.equals(LinkKey.LOSS.key()) && s.isSet(LinkKey.LOSS)) {
            LossKind loss = s.loss();
            if (loss == LossKind.CROSS_ENTROPY && data.numClasses() == 0) {
                throw new IllegalArgumentException("cross-entropy is for classification; regression uses square, MSE or MAE loss");
            } else if (loss == LossKind.CROSS_ENTROPY && s.output() != OutputChoice.SOFTMAX && !manyClasses) {
                s = s.with(LinkKey.OUTPUT, OutputChoice.SOFTMAX.key());
                notes.add("Cross-entropy loss: the output is now softmax (the two go together).");
            } else if (loss != LossKind.CROSS_ENTROPY && manyClasses) {
                throw new IllegalArgumentException(data.numClasses() + " classes need a softmax output, which trains with "
                        + "cross-entropy loss");
            } else if (loss == LossKind.LOG_LOSS && data.numClasses() == 0) {
                throw new IllegalArgumentException("log loss is for two classes; regression uses square, MSE or MAE loss");
            } else if (loss == LossKind.LOG_LOSS && s.output() != OutputChoice.SIGMOID) {
                s = s.with(LinkKey.OUTPUT, OutputChoice.SIGMOID.key());
                notes.add("Log loss: the output is now sigmoid (log loss needs one sigmoid unit).");
            } else if (loss != LossKind.CROSS_ENTROPY && s.output() == OutputChoice.SOFTMAX) {
                s = s.withDefault(LinkKey.OUTPUT);
                notes.add(label(loss) + " loss: the output is back to auto (softmax goes with cross-entropy).");
            }
        }
        return new LinkResult(s, notes);
    }

    /** A table's preset: TF's keys only, so the run stays TF-exact; 10 of 10 seeds learn each table within 200 epochs. */
    static final String TABLE_LEARNING_RATE = "0.3";
    static final String TABLE_NETWORK = "4";

    /**
     * Picking a table (the XOR truth table, an alien planet) brings a learning rate and network that
     * learn its few points from the first Play: TF's defaults (0.03, 4-2) stay at 50 % on the XOR table.
     */
    private static PlaygroundSettings withTablePreset(PlaygroundSettings s, String key, List<String> notes) {
        if (!key.equals(LinkKey.DATASET.key()) || s.datasetInUse().defaultSamples() >= RunPlanner.ALL_TRAIN_BELOW) return s;
        if (TABLE_LEARNING_RATE.equals(s.text(LinkKey.LEARNING_RATE)) && TABLE_NETWORK.equals(s.text(LinkKey.NETWORK_SHAPE))) return s;
        notes.add(LinkKey.DATASET.control().options().stream().filter(o -> o.value().equals(s.datasetInUse().key()))
                .map(o -> o.label()).findFirst().orElse(s.datasetInUse().key())
                + ": learning rate " + TABLE_LEARNING_RATE + " and one hidden layer of " + TABLE_NETWORK
                + " neurons, which learn its " + s.datasetInUse().defaultSamples() + " points; every point trains (no test set).");
        return s.with(LinkKey.LEARNING_RATE, TABLE_LEARNING_RATE).with(LinkKey.NETWORK_SHAPE, TABLE_NETWORK);
    }

    private static String label(OutputChoice output) {
        return LinkKey.OUTPUT.control().options().stream().filter(o -> o.value().equals(output.key()))
                .map(o -> o.label()).findFirst().orElse(output.key());
    }

    private static String label(LossKind loss) {
        return LinkKey.LOSS.control().options().stream().filter(o -> o.value().equals(loss.key()))
                .map(o -> o.label()).findFirst().orElse(loss.key());
    }
}
