package org.nnplayground.playground.session;

import org.nnplayground.playground.nn.MatrixTrainer;
import org.nnplayground.playground.nn.ConfusionMatrix;
import org.nnplayground.playground.nn.Network;
import org.nnplayground.playground.nn.Trainer;
import org.nnplayground.playground.nn.TrainingData;

/**
 * What the digit views of an image run need (docs/protocol.md, "digits"): the epoch's progress always;
 * with {@code full}, also the first hidden layer's incoming weights as one greyscale image per neuron,
 * the class predicted for each gallery image, and the test confusion matrix; the gallery's images and
 * labels (the same for the whole run) only when asked for. Images are bytes (0..255; JSON carries
 * them as base64): a full report of the book's network is about 175 kB, sent as several messages
 * under the socket's 64 KiB text limit: one with the gallery and the confusion matrix, then the
 * weight images {@link #NEURONS_PER_MESSAGE} neurons at a time.
 *
 * @param firstNeuron      the first neuron whose weights {@code weights} holds
 * @param weights          neuron after neuron, side x side bytes each; 128 = weight 0, each neuron scaled by its largest |w|; null when not full
 * @param gallery          GALLERY test images, side x side bytes each (pixel x 255); null unless the images were asked for
 * @param galleryLabels    the gallery images' labels, with the images
 * @param galleryPredicted the class the network gives each gallery image now; null when not full
 * @param confusion        confusion[actual][predicted] over the test set after the last epoch; null before the first
 */
public record DigitsReport(int epoch, Progress progress, int side, int neurons, int firstNeuron, byte[] weights, byte[] gallery,
                           int[] galleryLabels, int[] galleryPredicted, int[][] confusion, double[] classAccuracy) {
    /** Test images in the gallery. */
    static final int GALLERY = 40;
    /** Weight images per message: 24 x 784 bytes is 25 kB of base64. */
    static final int NEURONS_PER_MESSAGE = 24;

    /** Batches done in the epoch being trained, and its running figures (with dropout, as Keras shows them). */
    public record Progress(int batchesDone, int batches, int samplesDone, int samples, Double loss, Double accuracy) {}

    /**
     * The full report as messages: the gallery's predictions ({@code images}: with its images and
     * labels) and the confusion matrix first, then ({@code weights}) the weight images in parts.
     */
    static java.util.List<DigitsReport> full(TrainingRun run, boolean weights, boolean images) {
        DigitsReport whole = of(run, true, images);
        java.util.List<DigitsReport> parts = new java.util.ArrayList<>();
        parts.add(new DigitsReport(whole.epoch, whole.progress, whole.side, whole.neurons, 0, null, whole.gallery,
                whole.galleryLabels, whole.galleryPredicted, whole.confusion, whole.classAccuracy));
        int pixels = whole.side * whole.side;
        for (int first = 0; weights && first < whole.neurons; first += NEURONS_PER_MESSAGE) {
            int count = Math.min(NEURONS_PER_MESSAGE, whole.neurons - first);
            byte[] part = java.util.Arrays.copyOfRange(whole.weights, first * pixels, (first + count) * pixels);
            parts.add(new DigitsReport(whole.epoch, whole.progress, whole.side, whole.neurons, first, part, null, null, null, null, null));
        }
        return parts;
    }

    /**
     * The report of {@code run} now; {@code full} adds the weight images, the gallery's predictions
     * and the confusion matrix, {@code images} (with full) the gallery's images and labels.
     */
    static DigitsReport of(TrainingRun run, boolean full, boolean images) {
        Trainer trainer = run.trainer();
        MatrixTrainer batches = trainer.batchTrainer();
        MatrixTrainer.Progress p = trainer.progress();
        // NaN is no JSON number: a fresh epoch's loss is null
        Progress progress = p == null ? null : new Progress(p.batchesDone(), p.batches(), p.samplesDone(), p.samples(),
                Double.isNaN(p.runningLoss()) ? null : p.runningLoss(), p.runningAccuracy());
        int side = (int) Math.round(Math.sqrt(run.spec().inputs()));
        int neurons = run.spec().width(1);
        if (!full) return new DigitsReport(trainer.epoch(), progress, side, neurons, 0, null, null, null, null, null, null);
        TrainingData test = trainer.testData();
        int shown = Math.min(GALLERY, test.size());
        int pixels = side * side;
        byte[] gallery = images ? new byte[shown * pixels] : null;
        int[] labels = images ? new int[shown] : null;
        int[] predicted = new int[shown];
        for (int i = 0; i < shown; i++) {
            double[] x = test.inputs()[i];
            predicted[i] = argmax(trainer.predict(x));
            if (!images) continue;
            for (int k = 0; k < pixels; k++) gallery[i * pixels + k] = (byte) Math.round(Math.max(0, Math.min(1, x[k])) * 255);
            labels[i] = (int) test.labels()[i];
        }
        int[] all = batches == null ? null : batches.testPredictions();
        int[][] confusion = null;
        double[] perClass = null;
        if (all != null && test.numClasses() >= 2) {
            ConfusionMatrix m = new ConfusionMatrix(test.numClasses());
            for (int i = 0; i < all.length; i++) m.add((int) test.labels()[i], all[i]);
            confusion = m.counts();
            double[][] rates = m.rates();
            perClass = new double[rates.length];
            for (int c = 0; c < rates.length; c++) perClass[c] = rates[c][c];
        }
        return new DigitsReport(trainer.epoch(), progress, side, neurons, 0, weightImages(run.network(), pixels), gallery,
                labels, predicted, confusion, perClass);
    }

    /** Each first-layer neuron's incoming weights as bytes: 128 + 127 w / max|w| of that neuron. */
    static byte[] weightImages(Network net, int pixels) {
        double[] w = net.weights(1).data;
        int neurons = net.spec().width(1);
        byte[] out = new byte[neurons * pixels];
        for (int n = 0; n < neurons; n++) {
            double max = 1e-12;
            for (int k = 0; k < pixels; k++) max = Math.max(max, Math.abs(w[n * pixels + k]));
            for (int k = 0; k < pixels; k++) out[n * pixels + k] = (byte) Math.round(128 + 127 * w[n * pixels + k] / max);
        }
        return out;
    }

    private static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) if (v[i] > v[best]) best = i;
        return best;
    }
}
