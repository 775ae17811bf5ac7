package org.nnplayground.playground.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Each layer's mean absolute weight gradient, |dLoss/dW| averaged over the layer's weights and over
 * the updates of an epoch, kept per epoch. The trainer feeds it the gradients its backward pass has
 * already summed, just before each update, so it costs one pass over the weights per batch when
 * attached and nothing when not. Long runs keep at most {@link #MAX_POINTS} points: when full, every
 * other point is dropped and only every second epoch is kept from then on.
 */
public final class GradientStats {
    public static final int MAX_POINTS = 120;

    /** One kept epoch: its number and each layer's mean |gradient| (index 0 = layer 1). */
    public record Point(int epoch, double[] meanAbs) {}

    private final int layers;
    private final double[] sum;
    private int updates;
    private final List<Point> history = new ArrayList<>();
    private int stride = 1;

    public GradientStats(NetworkSpec spec) {
        layers = spec.numLayers();
        sum = new double[layers];
    }

    /** Adds one update's gradients (summed over {@code g.count()} samples). */
    void add(Gradients g) {
        if (g.count == 0) return;
        for (int l = 1; l <= layers; l++) {
            double[] gw = g.weights[l].data;
            double total = 0;
            for (double v : gw) total += Math.abs(v);
            // mean over the layer's weights of |sum / count|: the gradient the update applies
            sum[l - 1] += total / (gw.length * (double) g.count);
        }
        updates++;
    }

    /** Closes an epoch: its per-update average becomes a point (if the stride keeps this epoch). */
    void endEpoch(int epoch) {
        if (updates > 0 && epoch % stride == 0) {
            double[] mean = new double[layers];
            for (int l = 0; l < layers; l++) mean[l] = sum[l] / updates;
            history.add(new Point(epoch, mean));
            if (history.size() > MAX_POINTS) thin();
        }
        Arrays.fill(sum, 0);
        updates = 0;
    }

    private void thin() {
        stride *= 2;
        history.removeIf(p -> p.epoch() % stride != 0);
    }

    /** The kept points, oldest first (a copy). */
    public List<Point> history() { return List.copyOf(history); }

    /** The last point's value for layer l (1..L), or NaN before the first epoch. */
    public double last(int l) { return history.isEmpty() ? Double.NaN : history.get(history.size() - 1).meanAbs()[l - 1]; }

    public int layers() { return layers; }
}
