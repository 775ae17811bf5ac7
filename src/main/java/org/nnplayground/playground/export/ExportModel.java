package org.nnplayground.playground.export;

import org.nnplayground.playground.data.DataSet;
import org.nnplayground.playground.data.Feature;
import org.nnplayground.playground.nn.Activation;
import org.nnplayground.playground.nn.Network;
import org.nnplayground.playground.nn.NetworkSpec;
import org.nnplayground.playground.nn.OutputDecoder;
import org.nnplayground.playground.nn.TrainingConfig;
import org.nnplayground.playground.nn.WeightInit;
import org.nnplayground.playground.session.TrainingRun;

import java.util.ArrayList;
import java.util.List;

/**
 * A run as a Keras model sees it, decided once for every export (Keras script, TF.js model):
 * layer sizes and activations, kernels (inputs x units, Keras' layout) and biases, and the one
 * translation that changes numbers. TF Playground's binary output is tanh on labels -1/+1; Keras
 * users expect sigmoid on labels 0/1. Since (tanh(z) + 1) / 2 = sigmoid(2 z), the output layer's
 * weights and bias are doubled and its activation becomes sigmoid: the model then outputs the
 * probability of class 1, and its decision boundary is the playground's exactly.
 *
 * @param translatedTanh true when that translation was applied
 */
public record ExportModel(List<String> inputNames, List<Dense> layers, double dropout, boolean translatedTanh,
                          int numClasses, TrainingConfig config, boolean planar, List<Feature> features, WeightInit init) {

    /**
     * One Dense layer.
     *
     * @param kernel [input][unit], as Keras stores it (our weights are [unit][input])
     */
    public record Dense(int units, String activation, double[][] kernel, double[] bias) {
        public int inputs() { return kernel.length; }
    }

    public static ExportModel of(TrainingRun run) {
        NetworkSpec spec = run.spec();
        Network net = run.network();
        DataSet data = run.split().source();
        for (int l = 1; l <= spec.numLayers(); l++) {
            if (spec.activation(l) == Activation.STEP) {
                throw new IllegalArgumentException("the step activation has no Keras or TF.js equivalent (it cannot be trained there either): choose sigmoid, tanh or relu to export");
            }
        }
        boolean translate = spec.outputActivation() == Activation.TANH && data.numClasses() == 2 && spec.outputs() == 1;
        List<Dense> layers = new ArrayList<>();
        for (int l = 1; l <= spec.numLayers(); l++) {
            boolean output = l == spec.numLayers();
            double scale = output && translate ? 2 : 1;
            int units = spec.width(l);
            int inputs = spec.width(l - 1);
            double[][] kernel = new double[inputs][units];
            double[] bias = new double[units];
            for (int u = 0; u < units; u++) {
                for (int i = 0; i < inputs; i++) kernel[i][u] = scale * net.weight(l, u, i);
                bias[u] = scale * net.bias(l, u);
            }
            String activation = output && translate ? "sigmoid" : spec.activation(l).key();
            layers.add(new Dense(units, activation, kernel, bias));
        }
        List<String> inputNames = data.isPlanar() ? run.features().stream().map(Feature::key).toList() : data.inputNames();
        return new ExportModel(inputNames, List.copyOf(layers), run.trainer().config().dropout(), translate, data.numClasses(),
                run.trainer().config(), data.isPlanar(), run.features(), run.settings().init());
    }

    /** The label as the exported model's loss expects it: 0/1 or the class index, or the number. */
    public double kerasLabel(double label, NetworkSpec spec) {
        if (numClasses == 0) return label;
        if (translatedTanh || spec.outputs() > 1 || spec.outputActivation() == Activation.SIGMOID) {
            return OutputDecoder.classIndex(label, numClasses);
        }
        return OutputDecoder.target(label, numClasses, 1, spec.outputActivation())[0];
    }

    /** Keras' name and arguments of the kernel initializer that matches the run's {@code init}. */
    public String kernelInitializer() {
        return switch (init) {
            case TF -> "RandomUniform(-0.5, 0.5)";
            case ZERO -> "Zeros()";
            case GLOROT -> "GlorotUniform()";
            case HE -> "HeUniform()";
        };
    }

    /** The biases' start: 0.1 with TF's init, else 0. */
    public double initialBias() { return init == WeightInit.TF ? 0.1 : 0; }

    /** True when the run has test data (validation_data). */
    public boolean hasTest(TrainingRun run) { return !run.split().test().isEmpty(); }

    /** The model's output for an encoded input, computed here in plain doubles (tests compare exports with it). */
    public double[] predict(double[] input) {
        double[] a = input;
        for (Dense d : layers) {
            double[] z = new double[d.units()];
            for (int u = 0; u < d.units(); u++) {
                double s = d.bias()[u];
                for (int i = 0; i < d.inputs(); i++) s += a[i] * d.kernel()[i][u];
                z[u] = s;
            }
            a = activate(d.activation(), z);
        }
        return a;
    }

    private static double[] activate(String activation, double[] z) {
        double[] o = new double[z.length];
        if (activation.equals("softmax")) {
            double max = Double.NEGATIVE_INFINITY;
            for (double v : z) max = Math.max(max, v);
            double sum = 0;
            for (int i = 0; i < z.length; i++) sum += o[i] = Math.exp(z[i] - max);
            for (int i = 0; i < z.length; i++) o[i] /= sum;
            return o;
        }
        for (int i = 0; i < z.length; i++) o[i] = Activation.fromKey(activation).output(z[i]);
        return o;
    }
}
