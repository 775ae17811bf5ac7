package org.nnplayground.playground.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nnplayground.playground.link.LinkKey;

/**
 * What a sweep varies (Keras Tuner's grid search): up to {@link #MAX_AXES} settings, each with its
 * values (link text), a number of epochs per run, a number of seeds, and the metric target whose
 * first reach is reported ("epochs to target"). Sizes are limited so a sweep stays a class's fair share.
 */
public record SweepPlan(List<Axis> axes, int epochs, int seeds, double target) {
    public static final int MAX_AXES = 3;
    public static final int MAX_VALUES = 8;
    public static final int MAX_SEEDS = 5;
    public static final int MAX_RUNS = 64;
    public static final int MAX_EPOCHS = 5000;
    public static final double DEFAULT_TARGET = 0.9;
    /** Not link keys: the number of hidden layers, and the neurons in each (they rewrite networkShape). */
    public static final String HIDDEN_LAYERS = "hiddenLayers";
    public static final String NEURONS = "neurons";

    /** One varied setting: a link key and the values it takes. */
    public record Axis(String key, List<String> values) {}

    public SweepPlan {
        axes = List.copyOf(axes);
        if (axes.size() > MAX_AXES) throw new IllegalArgumentException("a sweep varies at most " + MAX_AXES + " settings (got " + axes.size() + ")");
        List<String> seen = new ArrayList<>();
        for (Axis a : axes) {
            if (!isShapeAxis(a.key())) {
                LinkKey key = LinkKey.find(a.key()).orElseThrow(() -> new IllegalArgumentException("cannot vary '" + a.key() + "': no such setting"));
                if (key == LinkKey.SEED) throw new IllegalArgumentException("vary the seed with the number of seeds, not as a setting");
            }
            if (seen.contains(a.key())) throw new IllegalArgumentException("'" + a.key() + "' is varied twice");
            seen.add(a.key());
            if (a.values().isEmpty()) throw new IllegalArgumentException("give '" + a.key() + "' at least one value");
            if (a.values().size() > MAX_VALUES) throw new IllegalArgumentException("at most " + MAX_VALUES + " values per setting ('" + a.key() + "' has " + a.values().size() + ")");
        }
        if (epochs < 1 || epochs > MAX_EPOCHS) throw new IllegalArgumentException("a sweep trains 1 to " + MAX_EPOCHS + " epochs per run (got " + epochs + ")");
        if (seeds < 1 || seeds > MAX_SEEDS) throw new IllegalArgumentException("a sweep uses 1 to " + MAX_SEEDS + " seeds (got " + seeds + ")");
        boolean shape = axes.stream().anyMatch(a -> a.key().equals(LinkKey.NETWORK_SHAPE.key()));
        if (shape && axes.stream().anyMatch(a -> isShapeAxis(a.key()))) {
            throw new IllegalArgumentException("vary either networkShape or hiddenLayers/neurons, not both");
        }
        if (!(target > 0 && target <= 1)) throw new IllegalArgumentException("the target must be an accuracy or R^2 in (0, 1] (got " + target + ")");
        if (runs(axes, seeds) > MAX_RUNS) {
            StringBuilder sizes = new StringBuilder();
            for (Axis a : axes) sizes.append(a.values().size()).append(" x ");
            throw new IllegalArgumentException("this sweep is too big: " + sizes + seeds + " seed(s) = " + runs(axes, seeds)
                    + " trainings, and a sweep may run at most " + MAX_RUNS + "; vary fewer values or use fewer seeds");
        }
    }

    /** Builds a plan from {@code key=v1,v2,...} texts (the CLI's --vary; a shape's commas are written as colons). */
    public static SweepPlan parse(List<String> varies, int epochs, int seeds, double target) {
        Map<String, List<String>> axes = new LinkedHashMap<>();
        for (String v : varies) {
            int eq = v.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("--vary takes key=value1,value2,... (got '" + v + "')");
            String key = v.substring(0, eq).trim();
            List<String> values = new ArrayList<>();
            for (String value : v.substring(eq + 1).split(",", -1)) values.add(value.trim());
            if (axes.put(key, values) != null) throw new IllegalArgumentException("'" + key + "' is varied twice");
        }
        List<Axis> list = new ArrayList<>();
        axes.forEach((k, vs) -> list.add(new Axis(k, vs)));
        return new SweepPlan(list, epochs, seeds, target);
    }

    /** True for hiddenLayers and neurons, which a sweep turns into a networkShape. */
    static boolean isShapeAxis(String key) { return key.equals(HIDDEN_LAYERS) || key.equals(NEURONS); }

    /** Number of trainings: the product of the value counts times the seeds. */
    public int runs() { return runs(axes, seeds); }

    private static int runs(List<Axis> axes, int seeds) {
        long n = seeds;
        for (Axis a : axes) n *= a.values().size();
        return (int) Math.min(Integer.MAX_VALUE, n);
    }
}
