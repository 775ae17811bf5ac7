package org.nnplayground.playground.session;

import org.nnplayground.playground.data.DataSet;
import org.nnplayground.playground.data.Sample;
import org.nnplayground.playground.nn.ModelSummary;
import org.nnplayground.playground.nn.NetworkSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nnplayground.playground.link.LinkKey;

/** What the browser needs to draw a session: shapes, names, data points and the link (protocol.md). */
public record SessionDescription(String link, boolean tfExact, String problem, int numClasses, List<String> classNames,
                                 List<String> inputs, List<Integer> layers, List<String> nodes,
                                 String hiddenActivation, String outputActivation, String loss, String optimizer,
                                 int parameterCount, List<SummaryRow> summary,
                                 List<double[]> train, List<double[]> test, Grid grid, List<String> warnings,
                                 Map<String, String> effective, int imageSide, double[] outputRange, boolean allTrain) {

    /** One row of the Keras-style summary. */
    public record SummaryRow(String name, String activation, int units, String outputShape, int parameters) {
        static SummaryRow of(ModelSummary.Row r) {
            return new SummaryRow(r.name(), r.activation(), r.units(), r.outputShape(), r.parameters());
        }
    }

    /**
     * The heatmap grids' geometry: x runs over [min, max] (left to right), y over [yMin, yMax]
     * (bottom to top); xName/yName label the axes, xColumn/yColumn are their input columns.
     */
    public record Grid(int size, int thumbSize, double min, double max, double yMin, double yMax,
                       String xName, String yName, int xColumn, int yColumn) {
        static Grid of(GridPlane p) {
            return new Grid(FrameBuilder.GRID, FrameBuilder.THUMB, p.xMin(), p.xMax(), p.yMin(), p.yMax(),
                    p.xName(), p.yName(), p.xColumn(), p.yColumn());
        }
    }

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
        GridPlane plane = run.plane();
        // the settings the model actually uses, for the page's controls (a link may leave them to the rules)
        Map<String, String> effective = new LinkedHashMap<>();
        effective.put(LinkKey.LOSS.key(), run.trainer().config().loss().key());
        effective.put(LinkKey.OUTPUT.key(), spec.outputActivation().key());
        effective.put(LinkKey.INIT.key(), run.settings().init().key());
        if (!data.isPlanar()) {
            effective.put(LinkKey.SLICE_X.key(), plane.xName());
            effective.put(LinkKey.SLICE_Y.key(), plane.yName());
        }
        RunPlan plan = run.plan();
        return new SessionDescription(run.settings().toHash(), run.tfExact(), plan.problem().key(), plan.numClasses(),
                plan.classNames(), inputs, layers, nodes, spec.hiddenActivation().key(), spec.outputActivation().key(),
                run.trainer().config().loss().key(), run.trainer().config().optimizer().key(), spec.parameterCount(),
                run.summary().rows().stream().map(SummaryRow::of).toList(),
                // pixels are no plane: an image run's points are its gallery (digits messages)
                run.isImage() ? List.of() : points(run.split().train(), plane),
                run.isImage() ? List.of() : points(run.split().test(), plane), Grid.of(plane), List.copyOf(warnings), effective,
                run.isImage() ? (int) Math.round(Math.sqrt(spec.inputs())) : 0,
                run.outputRange(),
                run.split().test().isEmpty());
    }

    /** The same description with {@code run}'s points (its drawing changed while the run went on). */
    SessionDescription withPoints(TrainingRun run) {
        return new SessionDescription(link, tfExact, problem, numClasses, classNames, inputs, layers, nodes, hiddenActivation,
                outputActivation, loss, optimizer, parameterCount, summary, points(run.split().train(), run.plane()),
                points(run.split().test(), run.plane()), grid, warnings, effective, imageSide, outputRange, run.split().test().isEmpty());
    }

    /** Points on the heatmap's plane: (x column, y column, label); for 3+ columns, projected onto the slice. */
    private static List<double[]> points(List<Sample> samples, GridPlane plane) {
        List<double[]> out = new ArrayList<>(samples.size());
        for (Sample s : samples) out.add(new double[] {s.inputs()[plane.xColumn()], s.inputs()[plane.yColumn()], s.label()});
        return out;
    }

}
