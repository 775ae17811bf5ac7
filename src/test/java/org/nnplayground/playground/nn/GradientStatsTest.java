package org.nnplayground.playground.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Each layer's mean |gradient| equals the mean |finite difference| of the loss the update descends. */
class GradientStatsTest {
    private static final double H = 1e-6;

    @Test
    void perLayerMeanAbsoluteGradientMatchesFiniteDifferences() {
        SplittableRandom random = new SplittableRandom(11);
        NetworkSpec spec = new NetworkSpec(2, new int[] {4, 3}, 1, Activation.TANH, Activation.TANH);
        Network net = Network.create(spec, WeightInit.GLOROT, random::nextDouble);
        int n = 8;
        double[][] inputs = new double[n][2];
        double[][] targets = new double[n][1];
        double[] labels = new double[n];
        for (int i = 0; i < n; i++) {
            inputs[i][0] = random.nextDouble(-2, 2);
            inputs[i][1] = random.nextDouble(-2, 2);
            labels[i] = random.nextBoolean() ? 1 : -1;
            targets[i][0] = labels[i];
        }
        TrainingData data = new TrainingData(inputs, targets, labels, 2);
        Network before = net.copy();
        // one full batch (batch size n, TF order): one update per epoch, its gradient is the batch mean
        Trainer t = new Trainer(net, new TrainingConfig(LossKind.SQUARE, OptimizerKind.SGD, 0.01, Regularization.NONE, 0, n, 0, true, 1),
                data, new TrainingData(new double[0][], new double[0][], new double[0], 2));
        assertNull(t.gradientStats(), "off by default");
        t.collectGradients(true);
        t.trainEpoch();
        GradientStats stats = t.gradientStats();
        assertEquals(1, stats.history().size());
        Propagation prop = new Propagation(before);
        for (int l = 1; l <= spec.numLayers(); l++) {
            double[] w = before.weights(l).data;
            double sum = 0;
            for (int k = 0; k < w.length; k++) sum += Math.abs(numeric(prop, w, k, inputs, targets));
            double expected = sum / w.length;
            assertEquals(expected, stats.last(l), 1e-7 + 1e-5 * expected, "layer " + l);
        }
    }

    @Test
    void sixSigmoidLayersLearnFarSlowerAtTheFirstLayerThanAtTheLast() {
        SplittableRandom random = new SplittableRandom(5);
        NetworkSpec spec = new NetworkSpec(2, new int[] {8, 8, 8, 8, 8, 8}, 1, Activation.SIGMOID, Activation.TANH);
        Network net = Network.create(spec, WeightInit.TF, random::nextDouble);
        int n = 100;
        double[][] inputs = new double[n][2];
        double[][] targets = new double[n][1];
        double[] labels = new double[n];
        for (int i = 0; i < n; i++) {
            inputs[i][0] = random.nextDouble(-6, 6);
            inputs[i][1] = random.nextDouble(-6, 6);
            labels[i] = inputs[i][0] * inputs[i][1] > 0 ? 1 : -1;
            targets[i][0] = labels[i];
        }
        Trainer t = new Trainer(net, new TrainingConfig(LossKind.SQUARE, OptimizerKind.SGD, 0.03, Regularization.NONE, 0, 10, 0, true, 1),
                new TrainingData(inputs, targets, labels, 2), new TrainingData(new double[0][], new double[0][], new double[0], 2));
        t.collectGradients(true);
        for (int e = 0; e < 5; e++) t.trainEpoch();
        GradientStats s = t.gradientStats();
        assertTrue(s.last(7) > 100 * s.last(1), "last layer " + s.last(7) + " vs first " + s.last(1));
    }

    @Test
    void longRunsKeepABoundedHistory() {
        SplittableRandom random = new SplittableRandom(2);
        NetworkSpec spec = new NetworkSpec(2, new int[] {2}, 1, Activation.TANH, Activation.TANH);
        Network net = Network.create(spec, WeightInit.TF, random::nextDouble);
        TrainingData xor = new TrainingData(new double[][] {{0, 0}, {1, 1}}, new double[][] {{-1}, {1}}, new double[] {-1, 1}, 2);
        Trainer t = new Trainer(net, new TrainingConfig(LossKind.SQUARE, OptimizerKind.SGD, 0.03, Regularization.NONE, 0, 1, 0, true, 1),
                xor, new TrainingData(new double[0][], new double[0][], new double[0], 2));
        t.collectGradients(true);
        for (int e = 0; e < 1000; e++) t.trainEpoch();
        var history = t.gradientStats().history();
        assertTrue(history.size() <= GradientStats.MAX_POINTS, history.size() + " points");
        assertTrue(history.get(history.size() - 1).epoch() >= 990, "the recent epochs are kept");
    }

    /** d(mean loss)/dw_k by central differences. */
    private static double numeric(Propagation prop, double[] params, int k, double[][] inputs, double[][] targets) {
        double saved = params[k];
        params[k] = saved + H;
        double up = meanLoss(prop, inputs, targets);
        params[k] = saved - H;
        double down = meanLoss(prop, inputs, targets);
        params[k] = saved;
        return (up - down) / (2 * H);
    }

    private static double meanLoss(Propagation prop, double[][] inputs, double[][] targets) {
        double sum = 0;
        for (int i = 0; i < inputs.length; i++) {
            prop.predict(inputs[i]);
            sum += prop.loss(targets[i], LossKind.SQUARE);
        }
        return sum / inputs.length;
    }
}
