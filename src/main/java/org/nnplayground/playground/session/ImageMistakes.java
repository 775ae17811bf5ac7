package org.nnplayground.playground.session;

import org.nnplayground.playground.nn.MatrixTrainer;
import org.nnplayground.playground.nn.TrainingData;

/**
 * A few test images an image run got wrong in its last epoch's test pass, small enough for a class
 * dashboard's card: each image halved to {@code side} x {@code side} (2x2 pixel means, 0..255), with its
 * true and predicted class. Before the first epoch ends (or when nothing is wrong) the lists are empty.
 *
 * @param images  {@code labels.length} images of side x side bytes, one after another
 */
public record ImageMistakes(int side, byte[] images, int[] labels, int[] predicted) {
    /** Mistakes a card shows. */
    static final int SHOWN = 2;

    /** The first {@link #SHOWN} test images {@code run} got wrong; null for a run on plain data. */
    static ImageMistakes of(TrainingRun run) {
        if (run == null || !run.isImage()) return null;
        int full = (int) Math.round(Math.sqrt(run.spec().inputs()));
        int side = full / 2;
        MatrixTrainer batches = run.trainer().batchTrainer();
        int[] all = batches == null ? null : batches.testPredictions();
        TrainingData test = run.trainer().testData();
        int[] rows = new int[SHOWN];
        int found = 0;
        for (int i = 0; all != null && i < all.length && found < SHOWN; i++) if (all[i] != (int) test.labels()[i]) rows[found++] = i;
        byte[] images = new byte[found * side * side];
        int[] labels = new int[found];
        int[] predicted = new int[found];
        for (int m = 0; m < found; m++) {
            double[] x = test.inputs()[rows[m]];
            labels[m] = (int) test.labels()[rows[m]];
            predicted[m] = all[rows[m]];
            // pixel (r, c) of the half-size image = mean of the 2x2 block at (2r, 2c), scaled 0..1 -> 0..255
            for (int r = 0; r < side; r++) for (int c = 0; c < side; c++) {
                int at = 2 * r * full + 2 * c;
                double mean = (x[at] + x[at + 1] + x[at + full] + x[at + full + 1]) / 4;
                images[m * side * side + r * side + c] = (byte) Math.round(Math.max(0, Math.min(1, mean)) * 255);
            }
        }
        return new ImageMistakes(side, images, labels, predicted);
    }
}
