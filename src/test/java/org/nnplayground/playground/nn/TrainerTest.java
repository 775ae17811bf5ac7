package org.nnplayground.playground.nn;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Trainer behaviour a student meets: no test data, divergence, step networks, seeded determinism. */
class TrainerTest {
    private static final TrainingData XOR = new TrainingData(
            new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}},
            new double[][] {{-1}, {1}, {1}, {-1}},
            new double[] {-1, 1, 1, -1}, 2);
    private static final TrainingData NONE = new TrainingData(new double[0][], new double[0][], new double[0], 2);

    private static Trainer trainer(Activation act, OptimizerKind opt, double lr, double dropout, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Network net = Network.create(new NetworkSpec(2, new int[] {4}, 1, act, Activation.TANH), WeightInit.GLOROT, r::nextDouble);
        return new Trainer(net, new TrainingConfig(LossKind.SQUARE, opt, lr, Regularization.NONE, 0, 2, dropout, false, seed), XOR, NONE);
    }

    @Test
    void emptyTestSetGivesNoTestFiguresAndXorIsLearned() {
        Trainer t = trainer(Activation.TANH, OptimizerKind.ADAM, 0.05, 0, 7);
        EpochStats s = t.lastStats();
        for (int e = 0; e < 400; e++) s = t.trainEpoch();
        assertNull(s.test());
        assertEquals(1.0, s.train().accuracy());
    }

    @Test
    void divergenceIsDetectedAndStopsTraining() {
        SplittableRandom r = new SplittableRandom(3);
        Network net = Network.create(new NetworkSpec(2, new int[] {4}, 1, Activation.LINEAR, Activation.LINEAR), WeightInit.GLOROT, r::nextDouble);
        Trainer t = new Trainer(net, new TrainingConfig(LossKind.MSE, OptimizerKind.SGD, 10, Regularization.NONE, 0, 1, 0, false, 3), XOR, NONE);
        EpochStats s = t.trainEpoch();
        for (int e = 0; e < 200 && !s.diverged(); e++) s = t.trainEpoch();
        assertTrue(s.diverged());
        assertNotNull(s.divergence());
        assertThrows(IllegalStateException.class, t::trainEpoch);
    }

    @Test
    void stepNetworksRunForwardButRefuseToTrain() {
        Trainer t = trainer(Activation.STEP, OptimizerKind.SGD, 0.03, 0, 1);
        assertTrue(t.untrainableReason().contains("step"));
        assertEquals(1, t.predict(new double[] {1, 1}).length);
        assertThrows(IllegalStateException.class, t::trainEpoch);
    }

    @Test
    void sameSeedSameRunEvenWithDropoutAndShuffling() {
        Trainer a = trainer(Activation.RELU, OptimizerKind.RMSPROP, 0.01, 0.3, 11);
        Trainer b = trainer(Activation.RELU, OptimizerKind.RMSPROP, 0.01, 0.3, 11);
        for (int e = 0; e < 30; e++) assertEquals(a.trainEpoch().train().loss(), b.trainEpoch().train().loss(), 0.0);
    }

    @Test
    void everyOptimizerLowersTheLoss() {
        for (OptimizerKind kind : OptimizerKind.values()) {
            Trainer t = trainer(Activation.TANH, kind, kind == OptimizerKind.SGD || kind == OptimizerKind.MOMENTUM || kind == OptimizerKind.ADAGRAD ? 0.1 : 0.02, 0, 5);
            double before = t.lastStats().train().loss();
            EpochStats s = t.lastStats();
            for (int e = 0; e < 300; e++) s = t.trainEpoch();
            assertTrue(s.train().loss() < before * 0.5, kind + ": " + before + " -> " + s.train().loss());
        }
    }
}
