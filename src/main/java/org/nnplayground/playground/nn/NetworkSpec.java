package org.nnplayground.playground.nn;

import java.util.Arrays;

/**
 * The shape of a dense network: inputs, hidden layer sizes, outputs, and the activations.
 * Limits keep one session from taking the server: see {@link #validate()}.
 */
public record NetworkSpec(int inputs, int[] hidden, int outputs, Activation hiddenActivation,
                          Activation outputActivation) {

    public static final int MAX_INPUTS = 32;
    public static final int MAX_HIDDEN_LAYERS = 10;
    public static final int MAX_NEURONS = 256;
    public static final int MAX_OUTPUTS = 10;
    public static final int MAX_PARAMETERS = 100_000;
    /**
     * Image networks (one input per pixel of a square image: 8x8 or 28x28) may be bigger: the book's
     * digits network has 109,386 parameters. They train in slices of mini-batches (MatrixTrainer), so
     * their size bounds the work of one piece and the memory, not the length of a turn.
     */
    public static final int MAX_IMAGE_PARAMETERS = 250_000;
    /** Pixels of the image inputs allowed beyond {@link #MAX_INPUTS}. */
    public static final java.util.Set<Integer> IMAGE_INPUTS = java.util.Set.of(64, 784);

    public NetworkSpec {
        hidden = hidden.clone();
    }

    /** Number of weight layers (hidden layers + the output layer). */
    public int numLayers() { return hidden.length + 1; }

    /** Width of layer {@code l}, where 0 is the input layer and numLayers() the output layer. */
    public int width(int l) {
        if (l == 0) return inputs;
        return l <= hidden.length ? hidden[l - 1] : outputs;
    }

    public Activation activation(int l) {
        return l == numLayers() ? outputActivation : hiddenActivation;
    }

    public int parameterCount() {
        int n = 0;
        for (int l = 1; l <= numLayers(); l++) n += width(l) * (width(l - 1) + 1);
        return n;
    }

    /** True for a network whose inputs are the pixels of an image (more inputs than a table may have). */
    public boolean isImage() { return inputs > MAX_INPUTS && IMAGE_INPUTS.contains(inputs); }

    /** Refuses shapes the server will not train, with a message a student understands. */
    public NetworkSpec validate() {
        require(inputs >= 1, "the network needs at least one input feature");
        require(inputs <= MAX_INPUTS || isImage(), "at most " + MAX_INPUTS + " inputs, or an 8x8 or 28x28 image (got " + inputs + ")");
        require(hidden.length <= MAX_HIDDEN_LAYERS, "at most " + MAX_HIDDEN_LAYERS + " hidden layers (got " + hidden.length + ")");
        for (int h : hidden) require(h >= 1 && h <= MAX_NEURONS, "a hidden layer has 1 to " + MAX_NEURONS + " neurons (got " + h + ")");
        require(outputs >= 1 && outputs <= MAX_OUTPUTS, "1 to " + MAX_OUTPUTS + " outputs (got " + outputs + ")");
        require(hiddenActivation != Activation.SOFTMAX, "softmax is an output activation, not a hidden one");
        require(outputActivation != Activation.SOFTMAX || outputs >= 2, "softmax needs 2 or more output units");
        int maxParameters = isImage() ? MAX_IMAGE_PARAMETERS : MAX_PARAMETERS;
        require(parameterCount() <= maxParameters, "at most " + maxParameters + " parameters"
                + (isImage() ? " for image data" : "") + " (got " + parameterCount() + ")");
        return this;
    }

    private static void require(boolean ok, String message) {
        if (!ok) throw new IllegalArgumentException(message);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NetworkSpec s && s.inputs == inputs && Arrays.equals(s.hidden, hidden)
                && s.outputs == outputs && s.hiddenActivation == hiddenActivation && s.outputActivation == outputActivation;
    }

    @Override
    public int hashCode() { return Arrays.hashCode(hidden) * 31 + inputs * 7 + outputs; }

    @Override
    public String toString() {
        return "NetworkSpec" + inputs + Arrays.toString(hidden) + outputs + " " + hiddenActivation.key() + "/" + outputActivation.key();
    }
}
