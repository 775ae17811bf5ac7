package org.nnplayground.playground.link;

import org.nnplayground.playground.data.Problem;
import org.nnplayground.playground.nn.Activation;

/** The link's {@code output} value: a fixed output activation, or TF Playground's automatic rule. */
public enum OutputChoice {
    AUTO("auto", null),
    TANH("tanh", Activation.TANH),
    SIGMOID("sigmoid", Activation.SIGMOID),
    LINEAR("linear", Activation.LINEAR),
    SOFTMAX("softmax", Activation.SOFTMAX),
    /** The perceptron's step (0/1), for hand-set networks such as the book's alien lesson; forward only. */
    STEP("step", Activation.STEP);

    private final String key;
    private final Activation fixed;

    OutputChoice(String key, Activation fixed) {
        this.key = key;
        this.fixed = fixed;
    }

    /** The value used in links. */
    public String key() { return key; }

    /** The output activation for this problem: TF's rule is tanh to classify, linear to regress. */
    public Activation resolve(Problem problem) {
        if (fixed != null) return fixed;
        return problem == Problem.CLASSIFICATION ? Activation.TANH : Activation.LINEAR;
    }
}
