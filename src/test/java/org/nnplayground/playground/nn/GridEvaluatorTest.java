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
}
