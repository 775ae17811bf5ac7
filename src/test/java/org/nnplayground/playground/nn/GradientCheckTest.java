package org.nnplayground.playground.nn;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Backpropagation agrees with central finite differences of the objective it claims to minimise. */
class GradientCheckTest {
    private static final double H = 1e-6;

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        Activation[] hidden = {Activation.LINEAR, Activation.RELU, Activation.TANH, Activation.SIGMOID};
        for (Activation act : hidden) {
            for (Regularization reg : Regularization.values()) {
                cases.add(Arguments.of(act, Activation.TANH, 1, LossKind.SQUARE, reg));
                cases.add(Arguments.of(act, Activation.LINEAR, 1, LossKind.MSE, reg));
                cases.add(Arguments.of(act, Activation.LINEAR, 1, LossKind.MAE, reg));
                cases.add(Arguments.of(act, Activation.SIGMOID, 1, LossKind.LOG_LOSS, reg));
                cases.add(Arguments.of(act, Activation.SOFTMAX, 3, LossKind.CROSS_ENTROPY, reg));
                cases.add(Arguments.of(act, Activation.RELU, 2, LossKind.SQUARE, reg));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} hidden, {1} x{2} output, {3}, {4}")
    @MethodSource("cases")
    void analyticGradientMatchesFiniteDifferences(Activation hidden, Activation output, int outputs, LossKind loss, Regularization reg) {
        SplittableRandom random = new SplittableRandom(42);
        NetworkSpec spec = new NetworkSpec(3, new int[] {5, 4}, outputs, hidden, output);
        Network net = Network.create(spec, WeightInit.GLOROT, random::nextDouble);
        for (int l = 1; l <= net.numLayers(); l++) {
            for (int i = 0; i < net.biases(l).data.length; i++) net.biases(l).data[i] = random.nextDouble(-0.5, 0.5);
        }
        double[][] inputs = new double[4][3];
        double[][] targets = new double[4][outputs];
        for (int s = 0; s < inputs.length; s++) {
            for (int k = 0; k < 3; k++) inputs[s][k] = random.nextDouble(-2, 2);
            targets[s] = target(loss, outputs, random);
        }
        double regRate = reg == Regularization.NONE ? 0 : 0.03;
        Propagation prop = new Propagation(net);
        Gradients g = new Gradients(spec);
        for (int s = 0; s < inputs.length; s++) {
            prop.predict(inputs[s]);
            prop.backward(targets[s], loss, g);
        }
        for (int l = 1; l <= net.numLayers(); l++) {
            double[] w = net.weights(l).data;
            for (int k = 0; k < w.length; k++) {
                double analytic = g.weights[l].data[k] / inputs.length + regRate * reg.derivative(w[k]);
                double numeric = numericDerivative(net, prop, w, k, inputs, targets, loss, reg, regRate);
                assertEquals(numeric, analytic, 1e-6 + 1e-4 * Math.abs(numeric), "dW layer " + l + " index " + k);
            }
            double[] b = net.biases(l).data;
            for (int i = 0; i < b.length; i++) {
                double analytic = g.biases[l].data[i] / inputs.length;
                double numeric = numericDerivative(net, prop, b, i, inputs, targets, loss, Regularization.NONE, 0);
                assertEquals(numeric, analytic, 1e-6 + 1e-4 * Math.abs(numeric), "db layer " + l + " index " + i);
            }
        }
    }

    @Test
    void regularizationDerivativesMatchTheirPenalties() {
        for (Regularization reg : Regularization.values()) {
            for (double w : new double[] {-1.3, -0.2, 0.4, 2.5}) {
                double numeric = (reg.penalty(w + H) - reg.penalty(w - H)) / (2 * H);
                assertEquals(numeric, reg.derivative(w), 1e-6, reg + " at " + w);
            }
        }
    }

    private static double[] target(LossKind loss, int outputs, SplittableRandom random) {
        double[] t = new double[outputs];
        switch (loss) {
            case CROSS_ENTROPY -> t[random.nextInt(outputs)] = 1;
            case LOG_LOSS -> t[0] = random.nextInt(2);
            default -> { for (int i = 0; i < outputs; i++) t[i] = random.nextDouble(-1, 1); }
        }
        return t;
    }

    /** d objective / d params[k], objective = mean loss + regRate * sum of penalties of this block. */
    private static double numericDerivative(Network net, Propagation prop, double[] params, int k, double[][] inputs,
                                            double[][] targets, LossKind loss, Regularization reg, double regRate) {
        double saved = params[k];
        params[k] = saved + H;
        double up = objective(prop, inputs, targets, loss) + regRate * reg.penalty(params[k]);
        params[k] = saved - H;
        double down = objective(prop, inputs, targets, loss) + regRate * reg.penalty(params[k]);
        params[k] = saved;
        return (up - down) / (2 * H);
    }

    private static double objective(Propagation prop, double[][] inputs, double[][] targets, LossKind loss) {
        double sum = 0;
        for (int s = 0; s < inputs.length; s++) {
            prop.predict(inputs[s]);
            sum += prop.loss(targets[s], loss);
        }
        return sum / inputs.length;
    }
}
