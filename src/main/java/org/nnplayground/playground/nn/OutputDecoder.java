package org.nnplayground.playground.nn;

/** Reads classes out of output units and writes labels as targets, per output activation. */
public final class OutputDecoder {
    private OutputDecoder() {}

    /** Predicted class index: argmax for several units, else the sign (0.5 for sigmoid). */
    public static int classOf(double[] out, Activation outputActivation) {
        if (out.length > 1) {
            int best = 0;
            for (int i = 1; i < out.length; i++) if (out[i] > out[best]) best = i;
            return best;
        }
        double threshold = outputActivation == Activation.SIGMOID || outputActivation == Activation.STEP ? 0.5 : 0;
        return out[0] >= threshold ? 1 : 0;
    }

    /** Class index of a label: binary -1/+1 maps to 0/1, k classes keep 0..k-1. */
    public static int classIndex(double label, int numClasses) {
        return numClasses == 2 ? (label > 0 ? 1 : 0) : (int) label;
    }

    /** Target vector for a label, given the output layer. */
    public static double[] target(double label, int numClasses, int outputs, Activation outputActivation) {
        double[] t = new double[outputs];
        if (numClasses == 0) {
            t[0] = label;
        } else if (outputs > 1) {
            t[classIndex(label, numClasses)] = 1;
        } else if (outputActivation == Activation.SIGMOID || outputActivation == Activation.STEP) {
            t[0] = classIndex(label, numClasses);
        } else {
            t[0] = label;
        }
        return t;
    }
}
