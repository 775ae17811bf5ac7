package org.nnplayground.playground.nn;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Passing a batch's samples together gives the numbers of passing them one at a time, bit for bit. */
class BatchedPassesTest {

    @ParameterizedTest(name = "{0} hidden, {1}, {2}, batch {3}, {4} samples, {5}")
    @CsvSource({
            // hidden, activation, output, batch, samples, regularization
            "'4,2',     tanh,    tanh,    10,  250, none",  // C1's shape
            "'8,8,8',   tanh,    tanh,     1,  250, none",  // batch 1 (C3)
            "'8,8,8,8', tanh,    linear,  30,  250, none",  // leftovers carried over (C4)
            "'8,8,8,8,8,8', relu, tanh,   10,  250, l2",    // C2's shape
            "'6,3',     sigmoid, sigmoid,  7,  101, l1",    // dead links
            "'5',       relu,    linear, 100,  333, none",  // a batch longer than one chunk
            "'20,17',   relu,    tanh,     9,  200, l1",    // layers wide enough to add gradients sample by sample
            "'200,200,100', relu, tanh,   70,  150, none",  // wide enough for short chunks: a batch spans several
            "'3',       linear,  tanh,     3,   64, l2",
    })
    void tfExactEpochsMatchBitForBit(String hidden, String act, String outAct, int batch, int samples, String reg) {
        Trainer scalar = trainer(hidden, act, outAct, batch, samples, reg, true);
        Trainer batched = trainer(hidden, act, outAct, batch, samples, reg, true);
        scalar.batchedPasses(false);
        for (int epoch = 1; epoch <= 40; epoch++) {
            EpochStats a = scalar.trainEpoch();
            EpochStats b = batched.trainEpoch();
            assertEquals(a.train().loss(), b.train().loss(), 0.0, "train loss at epoch " + epoch);
            assertEquals(a.test().loss(), b.test().loss(), 0.0, "test loss at epoch " + epoch);
            assertEquals(a.train().accuracy(), b.train().accuracy(), "accuracy at epoch " + epoch);
            if (a.diverged()) break;
        }
        assertSameParameters(scalar, batched);
    }

    @ParameterizedTest
    @CsvSource({"'8,4', relu, softmax", "'6', tanh, sigmoid"})
    void lossesOfOtherRunsMatchToo(String hidden, String act, String outAct) {
        Trainer scalar = trainer(hidden, act, outAct, 10, 120, "none", false);
        Trainer batched = trainer(hidden, act, outAct, 10, 120, "none", false);
        scalar.batchedPasses(false);
        for (int epoch = 1; epoch <= 20; epoch++) {
            EpochStats a = scalar.trainEpoch();
            EpochStats b = batched.trainEpoch();
            assertEquals(a.train().loss(), b.train().loss(), 0.0, "train loss at epoch " + epoch);
            assertEquals(a.test().loss(), b.test().loss(), 0.0, "test loss at epoch " + epoch);
        }
        assertSameParameters(scalar, batched);
    }

    private static void assertSameParameters(Trainer a, Trainer b) {
        for (int l = 1; l <= a.network().numLayers(); l++) {
            double[] wa = a.network().weights(l).data;
            double[] wb = b.network().weights(l).data;
            for (int k = 0; k < wa.length; k++) {
                assertEquals(wa[k], wb[k], 0.0, "weight " + l + "/" + k);
                assertEquals(a.network().deadLinks(l)[k], b.network().deadLinks(l)[k], "dead " + l + "/" + k);
            }
            double[] ba = a.network().biases(l).data;
            double[] bb = b.network().biases(l).data;
            for (int i = 0; i < ba.length; i++) assertEquals(ba[i], bb[i], 0.0, "bias " + l + "/" + i);
        }
    }

    /** A seeded network on seeded data; TF-exact runs use square loss and SGD, the others softmax or log loss with Adam. */
    private static Trainer trainer(String hidden, String act, String outAct, int batch, int samples, String reg, boolean tfExact) {
        String[] parts = hidden.split(",");
        int[] widths = new int[parts.length];
        for (int i = 0; i < parts.length; i++) widths[i] = Integer.parseInt(parts[i].trim());
        Activation output = Activation.valueOf(outAct.toUpperCase());
        int outputs = output == Activation.SOFTMAX ? 3 : 1;
        SplittableRandom r = new SplittableRandom(42);
        NetworkSpec spec = new NetworkSpec(3, widths, outputs, Activation.valueOf(act.toUpperCase()), output);
        Network net = Network.create(spec, WeightInit.TF, r::nextDouble);
        TrainingData train = data(samples, outputs, tfExact, r);
        TrainingData test = data(samples / 2 + 1, outputs, tfExact, r);
        Regularization regularization = Regularization.valueOf(reg.toUpperCase());
        LossKind loss = tfExact ? LossKind.SQUARE : output == Activation.SOFTMAX ? LossKind.CROSS_ENTROPY : LossKind.LOG_LOSS;
        OptimizerKind optimizer = tfExact ? OptimizerKind.SGD : OptimizerKind.ADAM;
        double rate = regularization == Regularization.NONE ? 0 : 0.01;
        return new Trainer(net, new TrainingConfig(loss, optimizer, 0.03, regularization, rate, batch, 0, tfExact, 5), train, test);
    }

    /** Points in [-6, 6]^2 with a third feature; binary targets -1/+1 (TF) or 0/1 (log loss), else one-hot thirds. */
    private static TrainingData data(int n, int outputs, boolean tfExact, SplittableRandom r) {
        double[][] inputs = new double[n][];
        double[][] targets = new double[n][];
        double[] labels = new double[n];
        for (int i = 0; i < n; i++) {
            double x = r.nextDouble(-6, 6);
            double y = r.nextDouble(-6, 6);
            inputs[i] = new double[] {x, y, x * y / 6};
            if (outputs == 1) {
                labels[i] = x * x + y * y < 9 ? 1 : -1;
                targets[i] = new double[] {tfExact ? labels[i] : (labels[i] + 1) / 2};
            } else {
                labels[i] = x < -2 ? 0 : x < 2 ? 1 : 2;
                targets[i] = new double[outputs];
                targets[i][(int) labels[i]] = 1;
            }
        }
        return new TrainingData(inputs, targets, labels, outputs == 1 ? 2 : outputs);
    }
}
