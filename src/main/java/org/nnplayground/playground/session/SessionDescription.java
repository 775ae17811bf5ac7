package org.nnplayground.playground.session;

import org.nnplayground.playground.data.DataSet;
import org.nnplayground.playground.data.Sample;
import org.nnplayground.playground.nn.ModelSummary;
import org.nnplayground.playground.nn.NetworkSpec;

import java.util.ArrayList;
import java.util.List;

/** What the browser needs to draw a session: shapes, names, data points and the link (protocol.md). */
public record SessionDescription(String link, boolean tfExact, String problem, int numClasses, List<String> classNames,
                                 List<String> inputs, List<Integer> layers, List<String> nodes,
                                 String hiddenActivation, String outputActivation, String loss, String optimizer,
                                 int parameterCount, List<SummaryRow> summary,
                                 List<double[]> train, List<double[]> test, Grid grid, List<String> warnings) {

    /** One row of the Keras-style summary. */
    public record SummaryRow(String name, String activation, int units, String outputShape, int parameters) {
        static SummaryRow of(ModelSummary.Row r) {
            return new SummaryRow(r.name(), r.activation(), r.units(), r.outputShape(), r.parameters());
        }
    }

    /** The heatmap grids' geometry. */
    public record Grid(int size, int thumbSize, double min, double max) {}

    static SessionDescription of(TrainingRun run, List<String> warnings) {
        NetworkSpec spec = run.spec();
        DataSet data = run.split().source();
        List<String> inputs = new ArrayList<>();
        if (run.features().isEmpty()) inputs.addAll(data.inputNames());
        else run.features().forEach(f -> inputs.add(f.key()));
        List<Integer> layers = new ArrayList<>();
        for (int l = 0; l <= spec.numLayers(); l++) layers.add(spec.width(l));
        List<String> nodes = new ArrayList<>(inputs);
        int id = 1;
        for (int l = 1; l <= spec.numLayers(); l++) for (int i = 0; i < spec.width(l); i++) nodes.add(Integer.toString(id++));
        boolean planar = !run.features().isEmpty();
        return new SessionDescription(run.settings().toHash(), run.tfExact(), data.problem().key(), data.numClasses(),
                data.classNames(), inputs, layers, nodes, spec.hiddenActivation().key(), spec.outputActivation().key(),
                run.trainer().config().loss().key(), run.trainer().config().optimizer().key(), spec.parameterCount(),
                ModelSummary.of(spec, run.settings().standardize()).rows().stream().map(SummaryRow::of).toList(), planar ? points(run.split().train()) : List.of(),
                planar ? points(run.split().test()) : List.of(),
                new Grid(FrameBuilder.GRID, FrameBuilder.THUMB, -GridInputs.EXTENT, GridInputs.EXTENT), List.copyOf(warnings));
    }

    private static List<double[]> points(List<Sample> samples) {
        List<double[]> out = new ArrayList<>(samples.size());
        for (Sample s : samples) out.add(new double[] {s.x(), s.y(), s.label()});
        return out;
    }

}
