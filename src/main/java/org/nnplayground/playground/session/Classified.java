package org.nnplayground.playground.session;

/**
 * One image fed through an image run's network (a gallery click or the drawing pad):
 * the output's class probabilities and each hidden layer's activations (dropout off).
 *
 * @param id echoes the request's id, so the page keeps only the answer to its latest drawing
 */
public record Classified(int id, double[] probabilities, double[][] hidden) {

    /** Feeds {@code pixels} (0..1, one per input) through {@code run}'s network. */
    static Classified of(TrainingRun run, int id, double[] pixels) {
        int inputs = run.spec().inputs();
        if (pixels == null || pixels.length != inputs) {
            throw new IllegalArgumentException("classify needs " + inputs + " pixels (got " + (pixels == null ? 0 : pixels.length) + ")");
        }
        double[] x = new double[inputs];
        for (int k = 0; k < inputs; k++) {
            double v = pixels[k];
            if (!Double.isFinite(v)) throw new IllegalArgumentException("a pixel must be a number from 0 to 1");
            x[k] = Math.max(0, Math.min(1, v));
        }
        int layers = run.spec().numLayers();
        double[][] hidden = new double[layers - 1][];
        for (int l = 1; l < layers; l++) hidden[l - 1] = run.trainer().layerOutputs(x, l);
        return new Classified(id, run.trainer().predict(x), hidden);
    }
}
