package org.nnplayground.playground.nn;

import java.util.ArrayList;
import java.util.List;

/** A Keras-style model summary: one row per dense layer with its output shape and parameters. */
public record ModelSummary(List<Row> rows, int totalParameters) {

    /** One dense layer: its name, activation, output shape "(None, n)" and parameter count. */
    public record Row(String name, String activation, int units, int parameters) {
        public String outputShape() { return "(None, " + units + ")"; }
    }

    public static ModelSummary of(NetworkSpec spec) { return of(spec, false); }

    /** With {@code standardized}, a first row says the inputs are z-scored (Keras' Normalization layer; its figures are not trained). */
    public static ModelSummary of(NetworkSpec spec, boolean standardized) { return of(spec, standardized, 0); }

    /** ... and with {@code dropout} above 0, a Dropout row after each hidden layer, as Keras' model has one there. */
    public static ModelSummary of(NetworkSpec spec, boolean standardized, double dropout) {
        List<Row> rows = new ArrayList<>();
        if (standardized) rows.add(new Row("normalization (Normalization)", "z-score", spec.inputs(), 0));
        for (int l = 1; l <= spec.numLayers(); l++) {
            String name = l == spec.numLayers() ? "output (Dense)" : "dense_" + l + " (Dense)";
            rows.add(new Row(name, spec.activation(l).key(), spec.width(l), spec.width(l) * (spec.width(l - 1) + 1)));
            if (dropout > 0 && l < spec.numLayers()) rows.add(new Row("dropout_" + l + " (Dropout)", "", spec.width(l), 0));
        }
        return new ModelSummary(List.copyOf(rows), spec.parameterCount());
    }

    /** The summary as Keras prints it, inputs first. */
    public String render(int inputs) {
        StringBuilder s = new StringBuilder();
        String line = "_".repeat(69) + "\n";
        String thick = "=".repeat(69) + "\n";
        s.append("Model: \"sequential\"\n").append(line);
        s.append(String.format("%-31s%-14s%-14s%10s%n", "Layer (type)", "Activation", "Output Shape", "Param #"));
        s.append(thick);
        s.append(String.format("%-31s%-14s%-14s%10d%n", "input (InputLayer)", "", "(None, " + inputs + ")", 0));
        for (Row r : rows) {
            s.append(line);
            s.append(String.format("%-31s%-14s%-14s%10d%n", r.name(), r.activation(), r.outputShape(), r.parameters()));
        }
        s.append(thick);
        s.append(String.format("Total params: %,d%nTrainable params: %,d%nNon-trainable params: 0%n", totalParameters, totalParameters));
        return s.append(line).toString();
    }
}
