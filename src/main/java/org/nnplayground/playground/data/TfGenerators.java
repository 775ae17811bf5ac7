package org.nnplayground.playground.data;

import java.util.ArrayList;
import java.util.List;

/**
 * TF Playground's six data generators, ported formula for formula and draw for draw so a seeded
 * run gives the very same points. Binary labels are -1/+1, regression labels the number.
 */
public final class TfGenerators {
    private static final double[][] GAUSSIANS = {
        {-4, 2.5, 1}, {0, 2.5, -1}, {4, 2.5, 1}, {-4, -2.5, -1}, {0, -2.5, 1}, {4, -2.5, -1}
    };

    private TfGenerators() {}

    /** Positives inside radius 2.5, negatives in the ring 3.5..5; noise can flip labels. */
    public static List<Sample> circle(int numSamples, double noise, TfRandom rng) {
        double radius = 5;
        List<Sample> points = new ArrayList<>();
        for (int i = 0; i < numSamples / 2.0; i++) {
            points.add(circlePoint(rng.randUniform(0, radius * 0.5), radius, noise, rng));
        }
        for (int i = 0; i < numSamples / 2.0; i++) {
            points.add(circlePoint(rng.randUniform(radius * 0.7, radius), radius, noise, rng));
        }
        return points;
    }

    private static Sample circlePoint(double r, double radius, double noise, TfRandom rng) {
        double angle = rng.randUniform(0, 2 * Math.PI);
        double x = r * StrictMath.sin(angle);
        double y = r * StrictMath.cos(angle);
        double noiseX = rng.randUniform(-radius, radius) * noise;
        double noiseY = rng.randUniform(-radius, radius) * noise;
        double label = dist(x + noiseX, y + noiseY, 0, 0) < radius * 0.5 ? 1 : -1;
        return Sample.of(x, y, label);
    }

    /** Four quadrants, padded 0.3 away from the axes; +1 where x*y >= 0. */
    public static List<Sample> xor(int numSamples, double noise, TfRandom rng) {
        double padding = 0.3;
        List<Sample> points = new ArrayList<>();
        for (int i = 0; i < numSamples; i++) {
            double x = rng.randUniform(-5, 5);
            x += x > 0 ? padding : -padding;
            double y = rng.randUniform(-5, 5);
            y += y > 0 ? padding : -padding;
            double noiseX = rng.randUniform(-5, 5) * noise;
            double noiseY = rng.randUniform(-5, 5) * noise;
            double label = (x + noiseX) * (y + noiseY) >= 0 ? 1 : -1;
            points.add(Sample.of(x, y, label));
        }
        return points;
    }

    /** Two gaussians at (2, 2) (+1) and (-2, -2) (-1); noise widens them. */
    public static List<Sample> twoGauss(int numSamples, double noise, TfRandom rng) {
        double variance = LinearScale.of(0, 0.5, 0.5, 4).apply(noise);
        List<Sample> points = new ArrayList<>();
        gauss(points, numSamples, 2, 2, variance, 1, rng);
        gauss(points, numSamples, -2, -2, variance, -1, rng);
        return points;
    }

    private static void gauss(List<Sample> points, int numSamples, double cx, double cy,
                              double variance, double label, TfRandom rng) {
        for (int i = 0; i < numSamples / 2.0; i++) {
            double x = rng.normalRandom(cx, variance);
            double y = rng.normalRandom(cy, variance);
            points.add(Sample.of(x, y, label));
        }
    }

    /** Two interleaved spiral arms, +1 then -1 (the second turned by pi). */
    public static List<Sample> spiral(int numSamples, double noise, TfRandom rng) {
        List<Sample> points = new ArrayList<>();
        spiralArm(points, numSamples / 2.0, TF_TURNS, 0, 1, noise, rng);
        spiralArm(points, numSamples / 2.0, TF_TURNS, Math.PI, -1, noise, rng);
        return points;
    }

    /** TF's spiral arms make 1.75 turns. */
    private static final double TF_TURNS = 1.75;

    /** One spiral arm of n points starting at angle deltaT, shared with our 3-arm spiral. */
    static void spiralArm(List<Sample> points, double n, double turns, double deltaT, double label,
                          double noise, TfRandom rng) {
        for (int i = 0; i < n; i++) {
            double r = i / n * 5;
            // Same operation order as the playground: ((1.75 * i) / n) * 2 * PI.
            double t = turns * i / n * 2 * Math.PI + deltaT;
            double x = r * StrictMath.sin(t) + rng.randUniform(-1, 1) * noise;
            double y = r * StrictMath.cos(t) + rng.randUniform(-1, 1) * noise;
            points.add(Sample.of(x, y, label));
        }
    }

    /** Regression on a plane: label (x + y) / 10, measured at the noisy point. */
    public static List<Sample> regressPlane(int numSamples, double noise, TfRandom rng) {
        LinearScale labelScale = LinearScale.of(-10, 10, -1, 1);
        return uniformSquare(numSamples, noise, rng, (x, y) -> labelScale.apply(x + y));
    }

    /** Regression on six signed gaussian bumps; the strongest bump at a point wins. */
    public static List<Sample> regressGaussian(int numSamples, double noise, TfRandom rng) {
        LinearScale labelScale = LinearScale.of(0, 2, 1, 0).clamp();
        return uniformSquare(numSamples, noise, rng, (x, y) -> {
            double label = 0;
            for (double[] g : GAUSSIANS) {
                double candidate = g[2] * labelScale.apply(dist(x, y, g[0], g[1]));
                if (Math.abs(candidate) > Math.abs(label)) label = candidate;
            }
            return label;
        });
    }

    /** A label for a (noisy) point. */
    interface Labeller {
        double label(double x, double y);
    }

    /**
     * TF's regression sampling, also used by our uniform data sets: points uniform in [-6, 6]^2,
     * each labelled at a copy moved by noise (4 draws per point: x, y, noise x, noise y).
     */
    static List<Sample> uniformSquare(int numSamples, double noise, TfRandom rng, Labeller labeller) {
        double radius = 6;
        List<Sample> points = new ArrayList<>();
        for (int i = 0; i < numSamples; i++) {
            double x = rng.randUniform(-radius, radius);
            double y = rng.randUniform(-radius, radius);
            double noiseX = rng.randUniform(-radius, radius) * noise;
            double noiseY = rng.randUniform(-radius, radius) * noise;
            points.add(Sample.of(x, y, labeller.label(x + noiseX, y + noiseY)));
        }
        return points;
    }

    /** Euclidean distance, with the playground's StrictMath-equal sqrt. */
    static double dist(double ax, double ay, double bx, double by) {
        double dx = ax - bx;
        double dy = ay - by;
        return StrictMath.sqrt(dx * dx + dy * dy);
    }
}
