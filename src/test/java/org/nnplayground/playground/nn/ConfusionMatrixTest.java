package org.nnplayground.playground.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The confusion matrix against cases counted by hand. */
class ConfusionMatrixTest {

    @Test
    void binaryLabelsAreCountedByActualRowAndPredictedColumn() {
        // labels -1/+1; the "network" outputs the first input, so we know each prediction
        TrainingData data = new TrainingData(
                new double[][] {{0.9}, {-0.2}, {0.4}, {-0.7}, {0.1}, {-0.3}},
                new double[][] {{1}, {1}, {1}, {-1}, {-1}, {-1}},
                new double[] {1, 1, 1, -1, -1, -1}, 2);
        ConfusionMatrix m = ConfusionMatrix.of(data, in -> in, Activation.TANH);
        // actual +1 (class 1): predicted 1, 0, 1; actual -1 (class 0): predicted 0, 1, 0
        assertArrayEquals(new int[][] {{2, 1}, {1, 2}}, m.counts());
        assertEquals(6, m.total());
        assertEquals(4, m.correct());
        assertEquals(2.0 / 3, m.rates()[1][1], 1e-12);
    }

    @Test
    void threeClassesUseTheArgmaxOfTheOutputs() {
        TrainingData data = new TrainingData(
                new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {0, 0, 1}, {1, 0, 0}},
                new double[5][3], new double[] {0, 1, 2, 1, 2}, 3);
        ConfusionMatrix m = ConfusionMatrix.of(data, in -> in, Activation.SOFTMAX);
        assertArrayEquals(new int[][] {{1, 0, 0}, {0, 1, 1}, {1, 0, 1}}, m.counts());
        assertEquals(0.5, m.rates()[1][2], 1e-12);
    }

    @Test
    void sigmoidOutputsSplitAtOneHalf() {
        TrainingData data = new TrainingData(new double[][] {{0.6}, {0.4}}, new double[2][1], new double[] {1, 1}, 2);
        assertArrayEquals(new int[][] {{0, 0}, {1, 1}}, ConfusionMatrix.of(data, in -> in, Activation.SIGMOID).counts());
    }

    @Test
    void oneClassIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ConfusionMatrix(1));
    }
}
