package org.nnplayground.playground.nn;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The EJML mini-batch path against two oracles: central finite differences of the loss it claims to
 * minimise, and the per-sample path (Propagation) it replaces for images, update for update.
 */
class MatrixPropagationTest {
    private static final double H = 1e-6;

    static Stream<Arguments> models() {
        List<Arguments> cases = new ArrayList<>();
        for (Activation hidden : new Activation[] {Activation.RELU, Activation.TANH, Activation.SIGMOID, Activation.LINEAR}) {
            cases.add(Arguments.of(hidden, Activation.SOFTMAX, 3, LossKind.CROSS_ENTROPY));
            cases.add(Arguments.of(hidden, Activation.LINEAR, 2, LossKind.MSE));
            cases.add(Arguments.of(hidden, Activation.TANH, 1, LossKind.SQUARE));
            cases.add(Arguments.of(hidden, Activation.SIGMOID, 1, LossKind.LOG_LOSS));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} hidden, {1} x{2} output, {3}")
    @MethodSource("models")
    void batchGradientMatchesFiniteDifferences(Activation hidden, Activation output, int outputs, LossKind loss) {
        SplittableRandom random = new SplittableRandom(7);
        Network net = network(new NetworkSpec(6, new int[] {5, 4}, outputs, hidden, output), random);
        double[][] inputs = inputs(5, 6, random);
        double[][] targets = targets(5, outputs, loss, random);
        MatrixPropagation prop = new MatrixPropagation(net, 8);
        Gradients g = new Gradients(net.spec());
        prop.forward(inputs, null, 0, inputs.length, 0, null);
        prop.backward(targets, null, 0, loss, g);
        assertEquals(inputs.length, g.count());
        for (int l = 1; l <= net.numLayers(); l++) {
            checkBlock(prop, net.weights(l).data, g.weights[l].data, inputs, targets, loss, "dW" + l);
            checkBlock(prop, net.biases(l).data, g.biases[l].data, inputs, targets, loss, "db" + l);
        }
    }

    private static void checkBlock(MatrixPropagation prop, double[] params, double[] analytic, double[][] inputs,
                                   double[][] targets, LossKind loss, String what) {
        for (int k = 0; k < params.length; k++) {
            double saved = params[k];
            params[k] = saved + H;
            double up = totalLoss(prop, inputs, targets, loss);
            params[k] = saved - H;
            double down = totalLoss(prop, inputs, targets, loss);
            params[k] = saved;
            double numeric = (up - down) / (2 * H);
            assertEquals(numeric, analytic[k], 1e-6 + 1e-4 * Math.abs(numeric), what + " index " + k);
        }
    }

    private static double totalLoss(MatrixPropagation prop, double[][] inputs, double[][] targets, LossKind loss) {
        prop.forward(inputs, null, 0, inputs.length, 0, null);
        return prop.lossSum(targets, null, 0, loss);
    }

    static Stream<Arguments> steps() {
        return Stream.of(
                // one step: the whole data set is one batch
                Arguments.of(OptimizerKind.SGD, 0.0, 12, 12, Activation.RELU),
                Arguments.of(OptimizerKind.ADAM, 0.0, 12, 12, Activation.TANH),
                Arguments.of(OptimizerKind.ADAM, 0.3, 12, 12, Activation.RELU),
                Arguments.of(OptimizerKind.MOMENTUM, 0.2, 12, 12, Activation.SIGMOID),
                // a few steps and a partial last batch, blocks that split a batch
                Arguments.of(OptimizerKind.ADAM, 0.2, 12, 5, Activation.RELU),
                Arguments.of(OptimizerKind.RMSPROP, 0.0, 12, 1, Activation.TANH));
    }

    @ParameterizedTest(name = "{0}, dropout {1}, {2} samples, batch {3}, {4}")
    @MethodSource("steps")
    void batchEpochMatchesThePerSamplePath(OptimizerKind optimizer, double dropout, int samples, int batch, Activation hidden) {
        SplittableRandom random = new SplittableRandom(11);
        NetworkSpec spec = new NetworkSpec(7, new int[] {6, 5}, 4, hidden, Activation.SOFTMAX);
        Network perSample = network(spec, random);
        Network batched = perSample.copy();
        TrainingData data = data(samples, 7, 4, random);
        TrainingConfig config = new TrainingConfig(LossKind.CROSS_ENTROPY, optimizer, 0.05, Regularization.L2, 0.001,
                batch, dropout, false, 99);
        Trainer a = new Trainer(perSample, config, data, data(0, 7, 4, random));
        Trainer b = new Trainer(batched, config, data, data(0, 7, 4, random), true);
        a.trainEpoch();
        b.trainEpoch();
        int compared = 0;
        for (int l = 1; l <= spec.numLayers(); l++) {
            compared += assertClose(perSample.weights(l).data, batched.weights(l).data, "W" + l);
            compared += assertClose(perSample.biases(l).data, batched.biases(l).data, "b" + l);
        }
        assertEquals(spec.parameterCount(), compared);
        assertNotEquals(0, differenceFromStart(perSample, spec), "the step moved the weights");
    }

    @Test
    void anEpochInSlicesEndsWithTheSameWeightsAsAWholeOne() {
        SplittableRandom random = new SplittableRandom(3);
        NetworkSpec spec = new NetworkSpec(9, new int[] {8}, 3, Activation.RELU, Activation.SOFTMAX);
        Network whole = network(spec, random);
        Network sliced = whole.copy();
        TrainingData train = data(40, 9, 3, random);
        TrainingData test = data(10, 9, 3, random);
        TrainingConfig config = new TrainingConfig(LossKind.CROSS_ENTROPY, OptimizerKind.ADAM, 0.01, Regularization.NONE, 0, 4, 0.1, false, 5);
        Trainer a = new Trainer(whole, config, train, test, true);
        Trainer b = new Trainer(sliced, config, train, test, true);
        EpochStats full = a.trainEpoch();
        int calls = 0;
        EpochStats stats = null;
        while (stats == null) {
            stats = b.trainSlice(0); // a deadline already past: one piece per call
            calls++;
            if (stats == null) assertTrue(b.progress().samplesDone() <= 40);
        }
        assertEquals(10 + 1, calls, "10 batches of 4, then the test set in one block");
        assertEquals(1, stats.epoch());
        assertEquals(full.train().loss(), stats.train().loss(), 0.0);
        assertEquals(full.test().accuracy(), stats.test().accuracy(), 0.0);
        for (int l = 1; l <= spec.numLayers(); l++) {
            for (int k = 0; k < whole.weights(l).data.length; k++) assertEquals(whole.weights(l).data[k], sliced.weights(l).data[k], 0.0);
        }
        assertNull(new Trainer(whole.copy(), config, train, test).progress(), "per-sample trainers train whole epochs");
    }

    private static double differenceFromStart(Network net, NetworkSpec spec) {
        double sum = 0;
        for (int l = 1; l <= spec.numLayers(); l++) for (double w : net.weights(l).data) sum += Math.abs(w);
        return sum;
    }

    /** |a - b| <= 1e-12 max(|a|, |b|) element by element; returns how many were compared. */
    private static int assertClose(double[] a, double[] b, String what) {
        for (int k = 0; k < a.length; k++) {
            double scale = Math.max(Math.abs(a[k]), Math.abs(b[k]));
            assertTrue(Math.abs(a[k] - b[k]) <= 1e-12 * scale, what + " index " + k + ": " + a[k] + " vs " + b[k]);
        }
        return a.length;
    }

    private static Network network(NetworkSpec spec, SplittableRandom random) {
        Network net = Network.create(spec, WeightInit.GLOROT, random::nextDouble);
        for (int l = 1; l <= net.numLayers(); l++) {
            for (int i = 0; i < net.biases(l).data.length; i++) net.biases(l).data[i] = random.nextDouble(-0.5, 0.5);
        }
        return net;
    }

    private static double[][] inputs(int n, int width, SplittableRandom random) {
        double[][] x = new double[n][width];
        for (double[] row : x) for (int k = 0; k < width; k++) row[k] = random.nextDouble(-2, 2);
        return x;
    }

    private static double[][] targets(int n, int outputs, LossKind loss, SplittableRandom random) {
        double[][] t = new double[n][outputs];
        for (double[] row : t) {
            switch (loss) {
                case CROSS_ENTROPY -> row[random.nextInt(outputs)] = 1;
                case LOG_LOSS -> row[0] = random.nextInt(2);
                default -> { for (int i = 0; i < outputs; i++) row[i] = random.nextDouble(-1, 1); }
            }
        }
        return t;
    }

    private static TrainingData data(int n, int width, int classes, SplittableRandom random) {
        double[][] x = inputs(n, width, random);
        double[][] t = new double[n][classes];
        double[] labels = new double[n];
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextInt(classes);
            t[i][(int) labels[i]] = 1;
        }
        return new TrainingData(x, t, labels, classes);
    }
}
