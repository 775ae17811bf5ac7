package org.nnplayground.playground.view;

import static j2html.TagCreator.rawHtml;
import static j2html.TagCreator.script;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import j2html.tags.specialized.ScriptTag;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nnplayground.playground.link.LinkKey;

/**
 * One or two sentences per setting, keyed by link key: what it does and what to try. The page embeds
 * them as JSON and web/js/explain.js puts each on its control's tooltip (every control carries data-key).
 */
public final class SettingHelp {
    private SettingHelp() {}

    static final Map<String, String> TEXTS = texts();

    private static Map<String, String> texts() {
        Map<LinkKey, String> m = new LinkedHashMap<>();
        m.put(LinkKey.ACTIVATION, "The function each hidden neuron applies to its weighted sum. ReLU learns fast; tanh and sigmoid "
                + "are smooth but their gradients fade in deep networks; step is the book's perceptron (set weights by hand).");
        m.put(LinkKey.REGULARIZATION, "A penalty on big weights that keeps the boundary simple. L2 shrinks every weight a little; "
                + "L1 pushes unneeded ones to exactly zero. Try it when the test loss rises while training falls.");
        m.put(LinkKey.BATCH_SIZE, "How many points are averaged for each weight update. Small batches are noisy but quick; "
                + "large ones are smooth but take more epochs.");
        m.put(LinkKey.DATASET, "The points to classify. Try the spiral with few neurons, then add layers.");
        m.put(LinkKey.REG_DATASET, "The points whose value the network must predict.");
        m.put(LinkKey.LEARNING_RATE, "The size of each step down the loss. Too small and nothing moves; too big and the loss "
                + "jumps around or explodes. Try ten times up and down.");
        m.put(LinkKey.REGULARIZATION_RATE, "How strong the weight penalty is. 0 turns it off; too much and the network cannot fit at all.");
        m.put(LinkKey.NOISE, "Scatter added to the points. With more noise the network needs regularization not to memorise it.");
        m.put(LinkKey.NETWORK_SHAPE, "Hidden layers and their neurons. More neurons draw more complicated boundaries, "
                + "and can also overfit.");
        m.put(LinkKey.SEED, "The random start: the same seed gives the same data and the same first weights.");
        m.put(LinkKey.SHOW_TEST_DATA, "Draws the test points too: the ones the network never trains on.");
        m.put(LinkKey.DISCRETIZE, "Shows the network's decision (one colour per class) instead of its confidence.");
        m.put(LinkKey.PERC_TRAIN_DATA, "The share of points used for training; the rest test how well it generalises.");
        m.put(LinkKey.PROBLEM, "Classification predicts a class; regression predicts a number.");
        m.put(LinkKey.OPTIMIZER, "The update rule. SGD takes plain steps; momentum keeps speed in one direction; Adam and RMSprop "
                + "scale each weight's step by its recent gradients and usually need a smaller learning rate (0.001-0.01).");
        m.put(LinkKey.LOSS, "What training minimises: squared errors for numbers, log loss or cross-entropy for classes.");
        m.put(LinkKey.OUTPUT, "The output neuron's function: tanh or sigmoid for two classes, softmax for more, linear for numbers.");
        m.put(LinkKey.DROPOUT, "Switches off this share of hidden neurons at random during training, so none can be relied on "
                + "alone. Try 0.2 against overfitting.");
        m.put(LinkKey.INIT, "How the first weights are drawn. Glorot suits tanh and sigmoid, He suits ReLU; all zero never learns.");
        m.put(LinkKey.STANDARDIZE, "Rescales every input column to mean 0 and standard deviation 1 (measured on the training "
                + "points). Try it on a CSV whose columns have very different ranges.");
        m.put(LinkKey.LR_SCHEDULE, "Lowers the learning rate as training goes on: step halves it (or the factor you set) every "
                + "period; exponential lowers it smoothly. Big steps first, fine steps later.");
        m.put(LinkKey.LR_DECAY, "The factor the learning rate is multiplied by over each period (0.5 = halved).");
        m.put(LinkKey.LR_PERIOD, "How many epochs one decay factor takes.");
        m.put(LinkKey.EARLY_STOP, "Stops when the test loss has not improved for this many epochs and puts back the weights of "
                + "the best epoch (marked on the loss chart). A cure for overfitting.");
        Map<String, String> byKey = new LinkedHashMap<>();
        m.forEach((k, v) -> byKey.put(k.key(), v));
        return Map.copyOf(byKey);
    }

    /** The texts as a JSON script element (read by explain.js). */
    public static ScriptTag json() {
        try {
            String text = new ObjectMapper().writeValueAsString(new java.util.TreeMap<>(TEXTS)).replace("</", "<\\/");
            return script(rawHtml(text)).withType("application/json").withId("setting-help");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
