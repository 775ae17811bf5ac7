package org.nnplayground.playground.nn;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The heatmap evaluator agrees with the exact forward pass to drawing precision. */
class GridEvaluatorTest {

    @Test
    void fastTanhIsWithin1e4OfTanh() {
        for (int i = -200_000; i <= 200_000; i++) {
            double x = i * 1e-4;
            assertEquals(Math.tanh(x), FastActivations.tanh(x), 1e-4, "x = " + x);
        }
        assertEquals(1, FastActivations.tanh(1e300), 1e-4);
        assertEquals(-1, FastActivations.tanh(Double.NEGATIVE_INFINITY), 1e-4);
    }

    @ParameterizedTest
    @CsvSource({"TANH, TANH, 1", "RELU, TANH, 1", "SIGMOID, SIGMOID, 1", "TANH, LINEAR, 1", "RELU, SOFTMAX, 3"})
    void everyNodeMatchesThePerSampleForwardPass(Activation hidden, Activation output, int outputs) {
        NetworkSpec spec = new NetworkSpec(3, new int[] {8, 5, 8}, outputs, hidden, output);
        SplittableRandom r = new SplittableRandom(3);
        Network net = Network.create(spec, WeightInit.GLOROT, r::nextDouble);
        for (int l = 1; l <= spec.numLayers(); l++) {
            for (int i = 0; i < spec.width(l); i++) net.setBias(l, i, r.nextDouble() - 0.5);
        }
        int points = 1037; // not a multiple of the column block
        DMatrixRMaj inputs = new DMatrixRMaj(3, points);
        for (int k = 0; k < inputs.data.length; k++) inputs.data[k] = 12 * r.nextDouble() - 6;
        GridEvaluator grid = new GridEvaluator(spec, points);
        grid.evaluate(net, inputs);
        Propagation exact = new Propagation(net);
        double[] x = new double[3];
        for (int c = 0; c < points; c++) {
            for (int k = 0; k < 3; k++) x[k] = inputs.get(k, c);
            exact.predict(x);
            for (int l = 1; l <= spec.numLayers(); l++) {
                double[] expected = exact.layerOutput(l);
                for (int i = 0; i < expected.length; i++) {
                    assertEquals(expected[i], grid.layer(l).get(i, c), 1e-3, "layer " + l + " node " + i + " point " + c);
                }
            }
        }
    }
    /**
     * Rows are computed four at a time, each with the sums of one row alone in the same order
     * (bias + w0 x0, then inputs four at a time, then the rest), so the bits are the same: frames
     * do not change with how the rows are grouped.
     */
    @Test
    void rowsInFoursGiveTheBitsOfOneRowAtATime() {
        NetworkSpec spec = new NetworkSpec(2, new int[] {11, 7}, 1, Activation.LINEAR, Activation.LINEAR);
        SplittableRandom r = new SplittableRandom(5);
        Network net = Network.create(spec, WeightInit.GLOROT, r::nextDouble);
        for (int l = 1; l <= spec.numLayers(); l++) {
            for (int i = 0; i < spec.width(l); i++) net.setBias(l, i, r.nextDouble() - 0.5);
        }
        int points = 700;
        DMatrixRMaj inputs = new DMatrixRMaj(2, points);
        for (int k = 0; k < inputs.data.length; k++) inputs.data[k] = 12 * r.nextDouble() - 6;
        GridEvaluator grid = new GridEvaluator(spec, points);
        grid.evaluate(net, inputs);
        DMatrixRMaj prev = inputs;
        for (int l = 1; l <= spec.numLayers(); l++) {
            double[] w = net.weights(l).data;
            int n = prev.numRows;
            for (int i = 0; i < spec.width(l); i++) {
                for (int c = 0; c < points; c++) {
                    double sum = net.biases(l).data[i] + w[i * n] * prev.get(0, c);
                    int k = 1;
                    for (; k + 4 <= n; k += 4) {
                        sum += w[i * n + k] * prev.get(k, c) + w[i * n + k + 1] * prev.get(k + 1, c)
                                + w[i * n + k + 2] * prev.get(k + 2, c) + w[i * n + k + 3] * prev.get(k + 3, c);
                    }
                    for (; k < n; k++) sum += w[i * n + k] * prev.get(k, c);
                    assertEquals(sum, grid.layer(l).get(i, c), 0.0, "layer " + l + " node " + i + " point " + c);
                }
            }
            prev = grid.layer(l);
        }
    }
}
