package org.nnplayground.playground.link;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.nnplayground.playground.data.DatasetKind;
import org.nnplayground.playground.data.Feature;
import org.nnplayground.playground.data.Problem;
import org.nnplayground.playground.nn.Activation;
import org.nnplayground.playground.nn.LearningRateSchedule;
import org.nnplayground.playground.nn.LossKind;
import org.nnplayground.playground.nn.OptimizerKind;
import org.nnplayground.playground.nn.Regularization;
import org.nnplayground.playground.nn.WeightInit;

/**
 * One playground configuration, immutable. Every value was read through {@link LinkKey}'s table;
 * the {@code with} methods change one setting with exactly the same validation as parsing.
 */
public final class PlaygroundSettings {

    private final Map<LinkKey, Object> values;
    private final Set<String> hidden;

    PlaygroundSettings(Map<LinkKey, Object> values, Set<String> hidden) {
        this.values = Collections.unmodifiableMap(new EnumMap<>(values));
        this.hidden = Collections.unmodifiableSet(new LinkedHashSet<>(hidden));
    }

    /** TF Playground's defaults with the given seed. */
    public static PlaygroundSettings defaults(String seed) {
        return new SettingsBuilder().build(() -> seed);
    }

    /** Hidden-layer activation. */
    public Activation activation() { return get(LinkKey.ACTIVATION, Activation.class); }

    /** Weight penalty. */
    public Regularization regularization() { return get(LinkKey.REGULARIZATION, Regularization.class); }

    /** Samples per training step. */
    public int batchSize() { return get(LinkKey.BATCH_SIZE, Integer.class); }

    /** Classification data set (used when the problem is classification). */
    public DatasetKind dataset() { return get(LinkKey.DATASET, DatasetKind.class); }

    /** Regression data set (used when the problem is regression). */
    public DatasetKind regDataset() { return get(LinkKey.REG_DATASET, DatasetKind.class); }

    /** Step size. */
    public double learningRate() { return get(LinkKey.LEARNING_RATE, Double.class); }

    /** Strength of the weight penalty. */
    public double regularizationRate() { return get(LinkKey.REGULARIZATION_RATE, Double.class); }

    /** Noise in percent (TF passes noise / 100 to the generators). */
    public int noise() { return get(LinkKey.NOISE, Integer.class); }

    /** Hidden layer sizes (a copy); empty for no hidden layer. */
    public int[] networkShape() {
        return shapeList().stream().mapToInt(Integer::intValue).toArray();
    }

    /** The seed string the data and weights are generated from. */
    public String seed() { return get(LinkKey.SEED, String.class); }

    /** Whether test points are drawn. */
    public boolean showTestData() { return flag(LinkKey.SHOW_TEST_DATA); }

    /** Whether the output map shows classes instead of shades. */
    public boolean discretize() { return flag(LinkKey.DISCRETIZE); }

    /** Percentage of the data used for training. */
    public int percTrainData() { return get(LinkKey.PERC_TRAIN_DATA, Integer.class); }

    /**
     * The active input features in {@link Feature}'s order (cosX and cosY never are inputs). A hidden
     * feature ({@code x_hide=true}) is no input at all, even when on: TF Playground deletes hidden
     * inputs at startup, so its network never has them.
     */
    public List<Feature> features() {
        return Arrays.stream(Feature.values()).filter(f -> flag(LinkKey.of(f)) && !hidden.contains(f.key())).toList();
    }

    /** Epochs per frame while playing (0 = as many as a frame's time allows); 1 when not given. */
    public int speed() { return getOr(LinkKey.SPEED, Integer.class, 1); }

    /** The input column across the slice heatmap of 3+ column data, or null for the first. */
    public String sliceX() { return (String) values.get(LinkKey.SLICE_X); }

    /** The input column up the slice heatmap, or null for the second. */
    public String sliceY() { return (String) values.get(LinkKey.SLICE_Y); }

    /** Classification or regression. */
    public Problem problem() { return get(LinkKey.PROBLEM, Problem.class); }

    /** TF's "all weights start at zero" switch. */
    public boolean initZero() { return flag(LinkKey.INIT_ZERO); }

    /** Whether the explanatory text is hidden. */
    public boolean hideText() { return flag(LinkKey.HIDE_TEXT); }

    /** Whether TF's statistics collection is on. */
    public boolean collectStats() { return flag(LinkKey.COLLECT_STATS); }

    /** TF's tutorial name, or null when there is none. */
    public String tutorial() { return (String) values.get(LinkKey.TUTORIAL); }

    /** Controls the link hides ({@code <control>_hide=true}), in link order. */
    public Set<String> hiddenControls() { return hidden; }

    /** The update rule; SGD (TF's) when not given. */
    public OptimizerKind optimizer() { return getOr(LinkKey.OPTIMIZER, OptimizerKind.class, OptimizerKind.SGD); }

    /** The loss; TF's square loss when not given. */
    public LossKind loss() { return getOr(LinkKey.LOSS, LossKind.class, LossKind.SQUARE); }

    /** The output choice as given; AUTO when not given. */
    public OutputChoice output() { return getOr(LinkKey.OUTPUT, OutputChoice.class, OutputChoice.AUTO); }

    /** The output layer's activation: the explicit one, or TF's rule (tanh classifies, linear regresses). */
    public Activation outputActivation() { return output().resolve(problem()); }

    /** Dropout rate for hidden neurons; 0 when not given. */
    public double dropout() { return getOr(LinkKey.DROPOUT, Double.class, 0.0); }

    /** Weight initialisation: the given one, else ZERO when initZero is on, else Glorot for images and TF's for the rest. */
    public WeightInit init() {
        // images start as Keras does: TF's +-0.5 would saturate a neuron's 784 inputs
        return getOr(LinkKey.INIT, WeightInit.class, initZero() ? WeightInit.ZERO : datasetInUse().isImage() ? WeightInit.GLOROT : WeightInit.TF);
    }

    /** Whether the raw inputs are z-scored (off when not given). */
    public boolean standardize() { return getOr(LinkKey.STANDARDIZE, Boolean.class, false); }

    /** The learning-rate schedule: none unless lrSchedule is given; decay 0.5 and period 100 by default. */
    public LearningRateSchedule lrSchedule() {
        return new LearningRateSchedule(getOr(LinkKey.LR_SCHEDULE, LearningRateSchedule.Kind.class, LearningRateSchedule.Kind.NONE),
                getOr(LinkKey.LR_DECAY, Double.class, 0.5), getOr(LinkKey.LR_PERIOD, Integer.class, 100));
    }

    /** Early stopping's patience in epochs; 0 (off) when not given. */
    public int earlyStop() { return getOr(LinkKey.EARLY_STOP, Integer.class, 0); }

    /** The data set actually used: dataset for classification, regDataset for regression. */
    public DatasetKind datasetInUse() { return problem() == Problem.CLASSIFICATION ? dataset() : regDataset(); }

    /** True when the link uses only TF Playground's keys and values (neutral keys aside), so TF would run it identically. */
    public boolean tfExact() {
        return values.entrySet().stream().allMatch(e -> e.getKey().isTensorFlowValue(e.getValue()));
    }

    /** Whether the key has a value: always for TF's keys except tutorial; for ours only when given. */
    public boolean isSet(LinkKey key) { return values.containsKey(key); }

    /** The link text of the key's current value, or null when it has none. */
    public String text(LinkKey key) {
        Object value = values.get(key);
        return value == null ? null : key.format(value);
    }

    /** A copy with one key changed from link text (empty = back to the default), validated like parsing. */
    public PlaygroundSettings with(LinkKey key, String value) {
        return change(key.key(), value).settings();
    }

    /** Like {@link #with(LinkKey, String)} by link name; also takes {@code <control>_hide}. */
    public PlaygroundSettings with(String key, String value) {
        return change(key, value).settings();
    }

    /** Like {@link #with(String, String)} but also returns the warnings (e.g. a clamped value). */
    public LinkResult change(String key, String value) {
        List<String> warnings = new ArrayList<>();
        SettingsBuilder builder = new SettingsBuilder(values, hidden);
        Consumer<String> report = warnings::add;
        if (!builder.apply(key, value == null ? "" : value, report)) {
            throw new LinkException(key, "unknown key (known: " + knownKeys() + ")");
        }
        PlaygroundSettings changed = builder.build(() -> {
            throw new LinkException(LinkKey.SEED.key(), "cannot be empty");
        });
        return new LinkResult(changed, warnings);
    }

    /** A copy with the key back to its default (absent for our keys), e.g. after the run refused its value. */
    public PlaygroundSettings withDefault(LinkKey key) {
        SettingsBuilder builder = new SettingsBuilder(values, hidden);
        builder.reset(key);
        return builder.build(this::seed);
    }

    /** The keys whose value differs from the default, in table order. */
    public List<LinkKey> changedKeys() {
        return Arrays.stream(LinkKey.values()).filter(k -> values.containsKey(k)
                && !Objects.equals(values.get(k), k.defaultValue()) && k != LinkKey.SEED).toList();
    }

    /** A copy with another seed. */
    public PlaygroundSettings withSeed(String seed) { return with(LinkKey.SEED, seed); }

    /** A copy with other hidden layer sizes, clamped and limited like a parsed link. */
    public PlaygroundSettings withNetworkShape(int[] hiddenSizes) {
        return with(LinkKey.NETWORK_SHAPE, Arrays.stream(hiddenSizes).mapToObj(String::valueOf)
                .collect(Collectors.joining(",")));
    }

    /** A copy with a control hidden or shown. */
    public PlaygroundSettings withHidden(String control, boolean hide) {
        return with(control + LinkKey.HIDE_SUFFIX, String.valueOf(hide));
    }

    /** The link hash (no leading '#'), written exactly as TF Playground writes it, then our keys. */
    public String toHash() { return HashWriter.write(values, hidden); }

    @Override
    public boolean equals(Object o) {
        return o instanceof PlaygroundSettings other && values.equals(other.values) && hidden.equals(other.hidden);
    }

    @Override
    public int hashCode() { return Objects.hash(values, hidden); }

    @Override
    public String toString() { return "PlaygroundSettings[" + toHash() + "]"; }

    @SuppressWarnings("unchecked")
    private List<Integer> shapeList() { return (List<Integer>) values.get(LinkKey.NETWORK_SHAPE); }

    private boolean flag(LinkKey key) { return get(key, Boolean.class); }

    private <T> T get(LinkKey key, Class<T> type) { return type.cast(values.get(key)); }

    private <T> T getOr(LinkKey key, Class<T> type, T fallback) {
        Object value = values.get(key);
        return value == null ? fallback : type.cast(value);
    }

    private static String knownKeys() {
        return Arrays.stream(LinkKey.values()).map(LinkKey::key).collect(Collectors.joining(", "));
    }
}
