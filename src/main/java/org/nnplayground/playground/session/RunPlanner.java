package org.nnplayground.playground.session;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.nnplayground.playground.data.DataSet;
import org.nnplayground.playground.data.DataSets;
import org.nnplayground.playground.data.DatasetKind;
import org.nnplayground.playground.data.Feature;
import org.nnplayground.playground.link.LinkKey;
import org.nnplayground.playground.link.LinkResult;
import org.nnplayground.playground.link.PlaygroundSettings;
import org.nnplayground.playground.link.SettingEffect;
import org.nnplayground.playground.nn.NetworkSpec;
import org.nnplayground.playground.nn.Trainer;
import org.nnplayground.playground.nn.TrainingConfig;

/**
 * The one path from (settings, data source) to a {@link RunPlan}: a load, a CSV, a saved run, a
 * room's exercise, the CLI and a sweep plan their runs here, and a student's change is planned
 * from the running plan and compared with it ({@link #change}). Nothing is drawn from the seeded
 * stream, so a plan is cheap to make and to refuse.
 */
public final class RunPlanner {
    /** Parameters x training samples allowed: about 50 ms per epoch, so one turn never hogs a trainer thread. */
    public static final long MAX_WORK_PER_EPOCH = 20_000_000L;
    /**
     * Image data trains in slices of mini-batches (MatrixTrainer), so its limit bounds an epoch's
     * total work (parameters x training samples: the book's digits network on 8,000 images is 875 M,
     * about 1 s of one thread), not a turn: a piece is at most a few ms whatever the network.
     */
    public static final long MAX_IMAGE_WORK_PER_EPOCH = 2_000_000_000L;
    /** The bundled image sets' fixed split: 80 % train (8,000 of the 10,000 images), shuffled by the link's seed. */
    public static final int IMAGE_PERC_TRAIN = 80;
    /**
     * Data with fewer points than this (a table: the XOR truth table, the alien planets; a tiny CSV)
     * trains on all its points: a test set of one or two points would leave the training set without
     * a class and tell nothing.
     */
    public static final int ALL_TRAIN_BELOW = 30;

    private RunPlanner() {}

    /**
     * The plan for {@code requested} on {@code uploaded} (null: the generated data set), every fit
     * to the data applied with its warning; refuses (IllegalArgumentException) settings that cannot
     * make a run, saying why.
     */
    public static RunPlan plan(PlaygroundSettings requested, DataSet uploaded) {
        List<String> fitted = new ArrayList<>();
        PlaygroundSettings s = SettingsFit.tfRatio(SettingsFit.dataSource(requested, uploaded, fitted), uploaded, fitted);
        DatasetKind kind = s.datasetInUse();
        DataSet data = uploaded != null ? uploaded : DataSets.header(kind);
        s = SettingsFit.slice(s, data, fitted);
        int samples = uploaded != null ? uploaded.samples().size() : DataSets.size(kind);
        boolean image = uploaded == null && kind.isImage();
        boolean drawn = uploaded != null && DrawnData.NAME.equals(uploaded.name());
        int percTrain = image ? IMAGE_PERC_TRAIN : drawn || samples < ALL_TRAIN_BELOW ? 100 : s.percTrainData();
        List<Feature> features = data.isPlanar() ? s.features() : List.of();
        ModelChoice model = ModelChoice.of(s, data);
        int inputs = data.isPlanar() ? features.size() : data.numInputs();
        NetworkSpec spec = new NetworkSpec(inputs, s.networkShape(), model.outputs(), s.activation(), model.output()).validate();
        TrainingConfig config = new TrainingConfig(model.loss(), s.optimizer(), s.learningRate(), s.regularization(),
                s.regularizationRate(), s.batchSize(), s.dropout(), s.tfExact() && uploaded == null, s.seed().hashCode()).validate();
        Trainer.checkLossFits(spec, config.loss());
        RunPlan plan = new RunPlan(s, uploaded, data, samples, percTrain, features, spec, config, fitted);
        long maxWork = spec.isImage() ? MAX_IMAGE_WORK_PER_EPOCH : MAX_WORK_PER_EPOCH;
        if (plan.workPerEpoch() > maxWork) {
            throw new IllegalArgumentException("this network is too big for this much data: " + spec.parameterCount()
                    + " parameters x " + plan.trainSamples() + " training samples is more than " + maxWork
                    + " per epoch; use fewer neurons or less data");
        }
        return plan;
    }

    /**
     * Like {@link #plan} but never refuses: when the settings cannot make a run (a combination the
     * data does not allow, a network too big for the data), the changed keys go back to their
     * defaults one at a time, the model's first and ours before TF's, until one can; {@code warnings}
     * names each such key. A link must never leave the page without a network.
     */
    public static RunPlan forgiving(PlaygroundSettings settings, DataSet uploaded, Consumer<String> warnings) {
        try {
            return plan(settings, uploaded);
        } catch (IllegalArgumentException refused) {
            // the model before the data (a network too big for the data loses its shape, not the data)
            List<LinkKey> changed = new ArrayList<>(settings.changedKeys());
            Collections.reverse(changed);
            changed.sort(Comparator.comparing(k -> k.effect() != SettingEffect.NEW_NETWORK));
            for (LinkKey key : changed) {
                try {
                    RunPlan plan = plan(settings.withDefault(key), uploaded);
                    warnings.accept(key.key() + "=" + settings.text(key) + " cannot be used here (" + refused.getMessage()
                            + "); using the default" + (key.shows() == null ? "" : " (" + key.shows() + ")"));
                    return plan;
                } catch (IllegalArgumentException stillRefused) {
                    // try the next key
                }
            }
            warnings.accept(refused.getMessage() + "; using TF Playground's defaults");
            return plan(PlaygroundSettings.defaults(settings.seed()), uploaded);
        }
    }

    /**
     * A student's change to the running plan: the new plan and what it takes to run it.
     *
     * @param notes what the change did besides the key itself (a partner key switched, a value clamped)
     */
    public record Change(RunPlan plan, SettingEffect effect, List<String> notes) {}

    /**
     * Plans {@code key=value} on top of {@code running}: its partner keys kept coherent
     * ({@link CoherentChange}), the student's own data given up when a data set or problem is
     * picked, and a fresh seed from {@code freshSeed} when new data is needed. What changed decides
     * the effect: the strongest among the key set (TF's controls act even when set to the value they
     * show), every key whose value differs, the data source and the training's fixed part.
     */
    public static Change change(RunPlan running, String key, String value, Supplier<String> freshSeed) {
        refuseProblemTheFileCannotTake(key, value, running.uploaded());
        LinkResult changed = CoherentChange.apply(running.settings().change(key, value), key, running.data());
        PlaygroundSettings next = changed.settings();
        DataSet source = running.uploaded();
        if (source != null && picksData(key)) {
            source = null;
            next = next.withDefault(LinkKey.DATA);
        }
        SettingEffect effect = strongest(SettingEffect.of(key), difference(running.settings(), next));
        if (source != running.uploaded()) effect = strongest(effect, SettingEffect.NEW_DATA);
        if (effect == SettingEffect.NEW_DATA) next = next.withSeed(freshSeed.get());
        RunPlan plan = plan(next, source);
        // a change to the network or to how it trains cannot go on live
        if (rank(effect) < rank(SettingEffect.NEW_NETWORK) && (!sameTraining(running.config(), plan.config())
                || !running.spec().equals(plan.spec()) || !running.features().equals(plan.features()))) {
            effect = SettingEffect.NEW_NETWORK;
        }
        return new Change(plan, effect, changed.warnings());
    }

    /** The strongest effect of the keys (and hidden controls) whose values differ between {@code a} and {@code b}. */
    static SettingEffect difference(PlaygroundSettings a, PlaygroundSettings b) {
        SettingEffect effect = SettingEffect.DISPLAY;
        for (LinkKey k : LinkKey.values()) {
            if (!java.util.Objects.equals(a.text(k), b.text(k))) effect = strongest(effect, k.effect());
        }
        Set<String> hidden = new HashSet<>(a.hiddenControls());
        hidden.addAll(b.hiddenControls());
        for (String control : hidden) {
            if (a.hiddenControls().contains(control) != b.hiddenControls().contains(control)) {
                effect = strongest(effect, SettingEffect.of(control + LinkKey.HIDE_SUFFIX));
            }
        }
        return effect;
    }

    /** The effect that does the most: new data, then a new seed, a new network, a new plane, live, display. */
    static SettingEffect strongest(SettingEffect a, SettingEffect b) { return rank(a) >= rank(b) ? a : b; }

    private static int rank(SettingEffect e) {
        return switch (e) {
            case DISPLAY -> 0;
            case LIVE -> 1;
            case SLICE -> 2;
            case NEW_NETWORK -> 3;
            case NEW_SEED -> 4;
            case NEW_DATA -> 5;
        };
    }

    /**
     * Same training apart from what may change live: the rates, and TF-exactness (a course key set
     * live ends it; the trainer then takes the general rule, see Trainer.reconfigure).
     */
    private static boolean sameTraining(TrainingConfig a, TrainingConfig b) {
        return new TrainingConfig(a.loss(), a.optimizer(), b.learningRate(), b.regularization(), b.regularizationRate(),
                a.batchSize(), a.dropout(), b.tfExact(), a.seed()).equals(b);
    }

    /** Keys that pick a data set: the student's own data gives way to it (and the next drawing starts empty). */
    private static boolean picksData(String key) {
        return key.equals(LinkKey.DATASET.key()) || key.equals(LinkKey.REG_DATASET.key())
                || key.equals(LinkKey.PROBLEM.key()) || key.equals(LinkKey.DATA.key());
    }

    /**
     * A student's file has its problem in its label column: a classification CSV cannot become a
     * regression (nor the other way), so that choice is refused rather than dropping the file for
     * generated data. A drawing has no problem of its own: choosing one ends it.
     */
    private static void refuseProblemTheFileCannotTake(String key, String value, DataSet file) {
        if (!key.equals(LinkKey.PROBLEM.key()) || file == null || DrawnData.NAME.equals(file.name())) return;
        boolean classes = file.numClasses() > 0;
        if (value.equals(classes ? "regression" : "classification"))
            throw new IllegalArgumentException(file.name() + (classes ? " has " + file.numClasses() + " classes, not numbers to predict: it cannot be a regression."
                    : " has numbers to predict, not classes: it cannot be a classification."));
    }
}
