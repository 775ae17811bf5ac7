package org.nnplayground.playground.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Learning-rate schedules follow Keras' formula; early stopping brings back the best epoch's weights. */
class ScheduleAndEarlyStoppingTest {

    @Test
    void stepAndExponentialSchedules() {
        LearningRateSchedule step = new LearningRateSchedule(LearningRateSchedule.Kind.STEP, 0.5, 10);
        assertEquals(0.1, step.rate(0.1, 0), 0);
        assertEquals(0.1, step.rate(0.1, 9), 0);
        assertEquals(0.05, step.rate(0.1, 10), 0);
        assertEquals(0.025, step.rate(0.1, 25), 1e-15);
        LearningRateSchedule exp = new LearningRateSchedule(LearningRateSchedule.Kind.EXP, 0.5, 10);
        assertEquals(0.1 * Math.pow(0.5, 0.5), exp.rate(0.1, 5), 1e-15);
        assertEquals(0.05, exp.rate(0.1, 10), 1e-15);
        assertEquals(0.3, LearningRateSchedule.CONSTANT.rate(0.3, 1000), 0);
        assertThrows(IllegalArgumentException.class, () -> new LearningRateSchedule(LearningRateSchedule.Kind.STEP, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> new LearningRateSchedule(LearningRateSchedule.Kind.STEP, 0.5, 0));
    }

    @Test
    void theTrainerUsesTheScheduledRate() {
        // same start, one trainer at rate 0.1 with a schedule that halves every epoch, one without
        Trainer halving = trainer(0.1, 3);
        Trainer plain = trainer(0.1, 3);
        halving.schedule(new LearningRateSchedule(LearningRateSchedule.Kind.STEP, 0.5, 1));
        halving.trainEpoch();
        plain.trainEpoch();
        assertArrayEquals(plain.network().weights(1).data, halving.network().weights(1).data, 0, "epoch 0 uses the base rate");
        assertEquals(0.05, halving.currentLearningRate(), 1e-15);
        halving.trainEpoch();
        plain.trainEpoch();
        assertFalse(java.util.Arrays.equals(plain.network().weights(1).data, halving.network().weights(1).data));
    }

    @Test
    void earlyStoppingRestoresTheBestEpochsWeights() {
        // a tiny noisy problem with a big rate: the test loss soon stops improving
        Trainer t = trainer(0.5, 9);
        t.earlyStopping(5);
        double bestLoss = Double.POSITIVE_INFINITY;
        double[] bestWeights = null;
        int bestEpoch = -1;
        EpochStats s = null;
        for (int e = 0; e < 2000 && !t.stoppedEarly(); e++) {
            s = t.trainEpoch();
            if (!t.stoppedEarly() && s.test().loss() < bestLoss) {
                bestLoss = s.test().loss();
                bestWeights = t.network().weights(1).data.clone();
                bestEpoch = s.epoch();
            }
        }
        assertTrue(t.stoppedEarly(), "stopped");
        assertEquals(bestEpoch, t.earlyStopping().bestEpoch());
        assertTrue(s.epoch() >= bestEpoch + 5);
        assertArrayEquals(bestWeights, t.network().weights(1).data, 0);
        assertEquals(bestLoss, t.lastStats().test().loss(), 0, "the figures are those of the restored weights");
    }

    private static Trainer trainer(double lr, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = 40;
        double[][] in = new double[n][2];
        double[][] target = new double[n][1];
        double[] label = new double[n];
        for (int i = 0; i < n; i++) {
            in[i][0] = r.nextDouble(-3, 3);
            in[i][1] = r.nextDouble(-3, 3);
            label[i] = (in[i][0] + 0.5 * r.nextGaussian() > 0) ? 1 : -1;
            target[i][0] = label[i];
        }
        TrainingData train = new TrainingData(java.util.Arrays.copyOf(in, 20), java.util.Arrays.copyOf(target, 20), java.util.Arrays.copyOf(label, 20), 2);
        TrainingData test = new TrainingData(java.util.Arrays.copyOfRange(in, 20, n), java.util.Arrays.copyOfRange(target, 20, n),
                java.util.Arrays.copyOfRange(label, 20, n), 2);
        SplittableRandom w = new SplittableRandom(1);
        Network net = Network.create(new NetworkSpec(2, new int[] {6, 6}, 1, Activation.TANH, Activation.TANH), WeightInit.TF, w::nextDouble);
        return new Trainer(net, new TrainingConfig(LossKind.SQUARE, OptimizerKind.SGD, lr, Regularization.NONE, 0, 5, 0, true, seed), train, test);
    }
}
