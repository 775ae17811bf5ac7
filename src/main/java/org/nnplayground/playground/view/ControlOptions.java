package org.nnplayground.playground.view;

import java.util.List;

/** The option lists of every select, with TF Playground's option values, then ours. */
final class ControlOptions {
    private ControlOptions() {}

    static final List<Choice> LEARNING_RATES =
            Choice.plain("0.00001", "0.0001", "0.001", "0.003", "0.01", "0.03", "0.1", "0.3", "1", "3", "10");
    static final List<Choice> ACTIVATIONS = List.of(new Choice("relu", "ReLU"), new Choice("tanh", "Tanh"),
            new Choice("sigmoid", "Sigmoid"), new Choice("linear", "Linear"), new Choice("step", "Step"));
    static final List<Choice> REGULARIZATIONS =
            List.of(new Choice("none", "None"), new Choice("L1", "L1"), new Choice("L2", "L2"));
    static final List<Choice> REGULARIZATION_RATES =
            Choice.plain("0", "0.001", "0.003", "0.01", "0.03", "0.1", "0.3", "1", "3", "10");
    static final List<Choice> PROBLEMS =
            List.of(new Choice("classification", "Classification"), new Choice("regression", "Regression"));

    static final List<Choice> OPTIMIZERS = List.of(new Choice("sgd", "SGD"), new Choice("momentum", "Momentum"),
            new Choice("adam", "Adam"), new Choice("rmsprop", "RMSprop"), new Choice("adagrad", "AdaGrad"));
    static final List<Choice> LOSSES = List.of(new Choice("square", "Square (TF)"), new Choice("mse", "MSE"),
            new Choice("mae", "MAE"), new Choice("logloss", "Log loss"), new Choice("crossentropy", "Cross-entropy"));
    static final List<Choice> OUTPUTS = List.of(new Choice("auto", "Auto"), new Choice("tanh", "Tanh"),
            new Choice("sigmoid", "Sigmoid"), new Choice("linear", "Linear"), new Choice("softmax", "Softmax"));
    static final List<Choice> DROPOUTS =
            Choice.plain("0", "0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9");
    static final List<Choice> INITS = List.of(new Choice("tf", "TF (uniform)"), new Choice("zero", "Zero"),
            new Choice("glorot", "Glorot"), new Choice("he", "He"));
    static final List<Choice> SPEEDS = List.of(new Choice("1", "1"), new Choice("2", "2"), new Choice("5", "5"),
            new Choice("10", "10"), new Choice("50", "50"), new Choice("100", "100"), new Choice("0", "max"));

    /** The classification data sets: TF Playground's four, then ours. */
    static final List<Choice> DATASETS = List.of(new Choice("circle", "Circle"), new Choice("xor", "Exclusive or"),
            new Choice("gauss", "Gaussian"), new Choice("spiral", "Spiral"), new Choice("moons", "Moons"),
            new Choice("checkerboard", "Checkerboard"), new Choice("curve", "Curve"),
            new Choice("blobs3", "3 blobs"), new Choice("blobs4", "4 blobs"), new Choice("spiral3", "3 spirals"),
            new Choice("alien", "Alien planet"), new Choice("xor-table", "XOR table"));
    static final List<Choice> REG_DATASETS =
            List.of(new Choice("reg-plane", "Plane"), new Choice("reg-gauss", "Multi Gaussian"));

    /** The input features in TF Playground's order, with its labels. */
    static final List<Choice> FEATURES = List.of(new Choice("x", "X₁"), new Choice("y", "X₂"),
            new Choice("xSquared", "X₁²"), new Choice("ySquared", "X₂²"), new Choice("xTimesY", "X₁X₂"),
            new Choice("sinX", "sin(X₁)"), new Choice("sinY", "sin(X₂)"));
}
