package org.nnplayground.playground.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Our own generators, in the playground's style: points within about [-6, 6]^2 drawn from the
 * same seeded source, noise 0..0.5 either blurring points or flipping labels near the border.
 */
public final class ExtraGenerators {
    private static final double HALF = 6;

    private ExtraGenerators() {}

    /** Two interleaving half circles: upper moon +1, lower moon -1; noise is gaussian jitter. */
    public static List<Sample> moons(int numSamples, double noise, TfRandom rng) {
        double scale = 3;
        // Jitter of standard deviation 3 * noise, i.e. up to half a moon radius at noise 0.5.
        double variance = (scale * noise) * (scale * noise);
        List<Sample> points = new ArrayList<>();
        for (int i = 0; i < numSamples; i++) {
            boolean upper = i < numSamples / 2;
            double t = rng.randUniform(0, Math.PI);
            // Unit moons as in scikit-learn, then centred on the origin and scaled up.
            double ux = upper ? StrictMath.cos(t) : 1 - StrictMath.cos(t);
            double uy = upper ? StrictMath.sin(t) : 0.5 - StrictMath.sin(t);
            double x = scale * (ux - 0.5) + rng.normalRandom(0, variance);
            double y = scale * (uy - 0.25) + rng.normalRandom(0, variance);
            points.add(Sample.of(x, y, upper ? 1 : -1));
        }
        return points;
    }

    /** A 4x4 board of 3x3 squares with alternating labels; noise shifts where a point is judged. */
    public static List<Sample> checkerboard(int numSamples, double noise, TfRandom rng) {
        double cell = 3;
        return TfGenerators.uniformSquare(numSamples, noise, rng, (x, y) -> {
            long cx = (long) Math.floor((x + HALF) / cell);
            long cy = (long) Math.floor((y + HALF) / cell);
            return Math.floorMod(cx + cy, 2) == 0 ? 1 : -1;
        });
    }

    /** +1 above the curve y = 3 sin x, -1 below it. */
    public static List<Sample> curve(int numSamples, double noise, TfRandom rng) {
        return TfGenerators.uniformSquare(numSamples, noise, rng, (x, y) -> y > 3 * StrictMath.sin(x) ? 1 : -1);
    }


    /** {@code k} gaussian blobs on a circle of radius 3.5, labels 0..k-1; noise widens them as in TF's gauss. */
    public static List<Sample> blobs(int k, int numSamples, double noise, TfRandom rng) {
        double variance = LinearScale.of(0, 0.5, 0.5, 4).apply(noise);
        double ring = 3.5;
        List<Sample> points = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            // Start at the top-left diagonal so 4 blobs sit in the 4 quadrants.
            double angle = Math.PI / 4 + 2 * Math.PI * c / k;
            double cx = ring * StrictMath.cos(angle);
            double cy = ring * StrictMath.sin(angle);
            for (int i = 0; i < share(numSamples, k, c); i++) {
                double x = rng.normalRandom(cx, variance);
                double y = rng.normalRandom(cy, variance);
                points.add(Sample.of(x, y, c));
            }
        }
        return points;
    }

    /** {@code k} spiral arms like TF's spiral (radius 5, 1.25 turns), labels 0..k-1. */
    public static List<Sample> spiralArms(int k, int numSamples, double noise, TfRandom rng) {
        List<Sample> points = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            TfGenerators.spiralArm(points, share(numSamples, k, c), 1.25, 2 * Math.PI * c / k, c, noise, rng);
        }
        return points;
    }

    /** How many of {@code n} points class {@code c} of {@code k} gets (the first classes take the remainder). */
    static int share(int n, int k, int c) {
        return n / k + (c < n % k ? 1 : 0);
    }
}
