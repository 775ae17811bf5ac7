package org.nnplayground.playground.sweep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nnplayground.playground.data.DataSet;
import org.nnplayground.playground.link.LinkKey;
import org.nnplayground.playground.link.PlaygroundSettings;
import org.nnplayground.playground.nn.EpochStats;
import org.nnplayground.playground.nn.Metrics;
import org.nnplayground.playground.session.RunPlanner;
import org.nnplayground.playground.session.TrainingRun;

/**
 * Runs every combination of a plan, seed by seed, as a resumable piece of work: each call of
 * {@link #advance(long)} trains until a deadline (at least one epoch) and returns, so a scheduler can
 * slice it among other sessions' turns. Each run is built exactly as the {@code train} command builds
 * the same link (same seed, same data, same weights), so its figures equal a separate {@code train}.
 */
public final class Sweep {
    /** Most parameter x sample x epoch updates one sweep may ask for (a few minutes of one core). */
    public static final double MAX_WORK = 2e11;

    /** One combination to train. */
    public record Combination(int index, Map<String, String> values, String seed, PlaygroundSettings settings) {}

    private final SweepPlan plan;
    private final DataSet uploaded;
    private final List<Combination> combinations = new ArrayList<>();
    private final List<SweepRow> rows = new ArrayList<>();
    private TrainingRun current;
    private Integer reached;
    private String metricName;

    /** Expands the plan over {@code base} (the student's settings) and checks every combination's values. */
    public Sweep(SweepPlan plan, PlaygroundSettings base, DataSet uploaded) {
        this.plan = plan;
        this.uploaded = uploaded;
        List<Map<String, String>> grid = new ArrayList<>();
        grid.add(new LinkedHashMap<>());
        for (SweepPlan.Axis axis : plan.axes()) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> partial : grid) {
                for (String value : axis.values()) {
                    Map<String, String> m = new LinkedHashMap<>(partial);
                    m.put(axis.key(), value);
                    next.add(m);
                }
            }
            grid = next;
        }
        double work = 0;
        for (Map<String, String> values : grid) {
            PlaygroundSettings settings = base;
            for (Map.Entry<String, String> e : values.entrySet()) {
                if (!SweepPlan.isShapeAxis(e.getKey())) settings = settings.with(e.getKey(), linkValue(e.getKey(), e.getValue()));
            }
            settings = withShapeAxes(settings, base, values);
            for (int s = 1; s <= plan.seeds(); s++) {
                String seed = s == 1 ? base.seed() : base.seed() + "_" + s;
                PlaygroundSettings seeded = settings.withSeed(seed);
                combinations.add(new Combination(combinations.size(), Map.copyOf(values), seed, seeded));
            }
            work += workPerEpoch(settings) * plan.epochs() * plan.seeds();
        }
        if (work > MAX_WORK) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "this sweep is too big: about %.1e weight updates, at most %.0e; use fewer epochs, values or neurons", work, MAX_WORK));
        }
    }

    /**
     * hiddenLayers=n and neurons=k become networkShape k,k,...(n times); the one not varied keeps the
     * student's: their number of layers, or the width of their first layer (4 with none).
     */
    private static PlaygroundSettings withShapeAxes(PlaygroundSettings settings, PlaygroundSettings base, Map<String, String> values) {
        String layers = values.get(SweepPlan.HIDDEN_LAYERS);
        String neurons = values.get(SweepPlan.NEURONS);
        if (layers == null && neurons == null) return settings;
        int[] shape = base.networkShape();
        int n = layers == null ? shape.length : wholeNumber(SweepPlan.HIDDEN_LAYERS, layers, 0);
        int k = neurons == null ? (shape.length > 0 ? shape[0] : 4) : wholeNumber(SweepPlan.NEURONS, neurons, 1);
        int[] next = new int[n];
        Arrays.fill(next, k);
        return settings.withNetworkShape(next);
    }

    private static int wholeNumber(String key, String text, int min) {
        try {
            int v = Integer.parseInt(text.trim());
            if (v < min) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " takes whole numbers from " + min + " (got '" + text + "')");
        }
    }

    /** CLI and page write a shape's commas as colons (commas separate the values): 4:4 is networkShape 4,4. */
    private static String linkValue(String key, String value) {
        return key.equals(LinkKey.NETWORK_SHAPE.key()) ? value.replace(':', ',') : value;
    }

    private double workPerEpoch(PlaygroundSettings settings) {
        return RunPlanner.plan(settings, uploaded).workPerEpoch();
    }

    /** Trains until {@code deadlineNanos} (System.nanoTime; at least one epoch); true while runs remain. */
    public boolean advance(long deadlineNanos) {
        do {
            if (isDone()) return false;
            step();
        } while (System.nanoTime() < deadlineNanos);
        return !isDone();
    }

    /** Trains every remaining run to the end. */
    public List<SweepRow> runAll() {
        while (advance(Long.MAX_VALUE)) { /* one call runs all */ }
        return rows();
    }

    private void step() {
        Combination c = combinations.get(rows.size());
        if (current == null) {
            try {
                current = TrainingRun.build(RunPlanner.plan(c.settings(), uploaded));
            } catch (IllegalArgumentException e) {
                rows.add(row(c, null, "cannot build: " + e.getMessage()));
                return;
            }
            reached = null;
            String reason = current.trainer().untrainableReason();
            if (reason != null) {
                finish(c, "cannot train: " + reason);
                return;
            }
            check(current.trainer().lastStats());
        }
        EpochStats stats = current.trainer().trainEpoch();
        check(stats);
        if (stats.diverged()) finish(c, "diverged at epoch " + stats.epoch());
        else if (current.trainer().stoppedEarly()) finish(c, "stopped early; best epoch " + current.trainer().earlyStopping().bestEpoch());
        else if (stats.epoch() >= plan.epochs()) finish(c, null);
    }

    private void check(EpochStats stats) {
        Metrics m = stats.test() != null ? stats.test() : stats.train();
        Double metric = m.accuracy() != null ? m.accuracy() : m.r2();
        if (reached == null && metric != null && metric >= plan.target()) reached = stats.epoch();
    }

    private void finish(Combination c, String note) {
        rows.add(row(c, current, note));
        current = null;
    }

    private SweepRow row(Combination c, TrainingRun run, String note) {
        if (run == null) return new SweepRow(c.index(), c.values(), c.seed(), c.settings().toHash(), 0, Double.NaN, null, null, null, null, note);
        EpochStats s = run.trainer().lastStats();
        Metrics test = s.test();
        metricName = s.train().accuracy() != null ? "accuracy" : "r2";
        return new SweepRow(c.index(), c.values(), c.seed(), c.settings().toHash(), run.trainer().epoch(), s.train().loss(),
                test == null ? null : test.loss(), metricOf(s.train()), test == null ? null : metricOf(test), reached, note);
    }

    private static Double metricOf(Metrics m) { return m.accuracy() != null ? m.accuracy() : m.r2(); }

    public boolean isDone() { return rows.size() >= combinations.size(); }

    public int total() { return combinations.size(); }

    /** Finished runs. */
    public int done() { return rows.size(); }

    /** The epoch the run in progress has reached (0 between runs). */
    public int currentEpoch() { return current == null ? 0 : current.trainer().epoch(); }

    public List<SweepRow> rows() { return List.copyOf(rows); }

    public SweepPlan plan() { return plan; }

    /** "accuracy" or "r2" once a run has finished, else null. */
    public String metricName() { return metricName; }
}
