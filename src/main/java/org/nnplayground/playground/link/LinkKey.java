package org.nnplayground.playground.link;

import static org.nnplayground.playground.link.Origin.OURS;
import static org.nnplayground.playground.link.Origin.TENSORFLOW;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
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
 * Every link setting, declared once: key, origin, default and codec (type and allowed values).
 * Parsing and writing both walk this table. The TF keys are in TF Playground's own order, which is
 * also the order it writes them; our keys come after.
 */
public enum LinkKey {
    ACTIVATION("activation", TENSORFLOW, Activation.TANH, new ChoiceCodec<>(Activation::key,
            List.of(Activation.RELU, Activation.TANH, Activation.SIGMOID, Activation.LINEAR),
            List.of(Activation.STEP))),
    /** TF's key map turns "none" into null, so it never writes regularization=none. */
    REGULARIZATION("regularization", TENSORFLOW, Regularization.NONE,
            ChoiceCodec.all(Regularization::key, Regularization.values()), Regularization.NONE),
    BATCH_SIZE("batchSize", TENSORFLOW, 10, new IntCodec(LinkLimits.MIN_BATCH_SIZE, LinkLimits.MAX_BATCH_SIZE)),
    DATASET("dataset", TENSORFLOW, DatasetKind.CIRCLE, datasets(Problem.CLASSIFICATION)),
    REG_DATASET("regDataset", TENSORFLOW, DatasetKind.REG_PLANE, datasets(Problem.REGRESSION)),
    LEARNING_RATE("learningRate", TENSORFLOW, 0.03,
            new DecimalCodec(LinkLimits.MIN_LEARNING_RATE, LinkLimits.MAX_LEARNING_RATE)),
    REGULARIZATION_RATE("regularizationRate", TENSORFLOW, 0.0,
            new DecimalCodec(LinkLimits.MIN_REGULARIZATION_RATE, LinkLimits.MAX_REGULARIZATION_RATE)),
    NOISE("noise", TENSORFLOW, 0, new IntCodec(LinkLimits.MIN_NOISE, LinkLimits.MAX_NOISE)),
    NETWORK_SHAPE("networkShape", TENSORFLOW, List.of(4, 2), new ShapeCodec()),
    /** No default: a missing seed is replaced by a fresh one when the link is parsed. */
    SEED("seed", TENSORFLOW, null, new TextCodec()),
    SHOW_TEST_DATA("showTestData", TENSORFLOW, false, new BooleanCodec()),
    DISCRETIZE("discretize", TENSORFLOW, false, new BooleanCodec()),
    PERC_TRAIN_DATA("percTrainData", TENSORFLOW, 50,
            new IntCodec(LinkLimits.MIN_PERC_TRAIN_DATA, LinkLimits.MAX_PERC_TRAIN_DATA)),
    X("x", TENSORFLOW, true, new BooleanCodec()),
    Y("y", TENSORFLOW, true, new BooleanCodec()),
    X_TIMES_Y("xTimesY", TENSORFLOW, false, new BooleanCodec()),
    X_SQUARED("xSquared", TENSORFLOW, false, new BooleanCodec()),
    Y_SQUARED("ySquared", TENSORFLOW, false, new BooleanCodec()),
    /** Accepted and written back like TF does, but never an input. */
    COS_X("cosX", TENSORFLOW, false, new BooleanCodec()),
    SIN_X("sinX", TENSORFLOW, false, new BooleanCodec()),
    COS_Y("cosY", TENSORFLOW, false, new BooleanCodec()),
    SIN_Y("sinY", TENSORFLOW, false, new BooleanCodec()),
    COLLECT_STATS("collectStats", TENSORFLOW, false, new BooleanCodec()),
    TUTORIAL("tutorial", TENSORFLOW, null, new TextCodec()),
    PROBLEM("problem", TENSORFLOW, Problem.CLASSIFICATION, ChoiceCodec.all(Problem::key, Problem.values())),
    INIT_ZERO("initZero", TENSORFLOW, false, new BooleanCodec()),
    HIDE_TEXT("hideText", TENSORFLOW, false, new BooleanCodec()),

    OPTIMIZER("optimizer", OURS, null, ChoiceCodec.all(OptimizerKind::key, OptimizerKind.values())),
    LOSS("loss", OURS, null, ChoiceCodec.all(LossKind::key, LossKind.values())),
    OUTPUT("output", OURS, null, ChoiceCodec.all(OutputChoice::key, OutputChoice.values())),
    DROPOUT("dropout", OURS, null, new DecimalCodec(LinkLimits.MIN_DROPOUT, LinkLimits.MAX_DROPOUT)),
    INIT("init", OURS, null, ChoiceCodec.all(WeightInit::key, WeightInit.values())),
    /** z-score the raw inputs (fit on the training part); off when absent, and never TF-exact. */
    STANDARDIZE("standardize", OURS, null, new BooleanCodec()),
    /** Learning-rate schedule: step (staircase) or exp decay by lrDecay every lrPeriod epochs. */
    LR_SCHEDULE("lrSchedule", OURS, null, ChoiceCodec.all(LearningRateSchedule.Kind::key, LearningRateSchedule.Kind.values())),
    LR_DECAY("lrDecay", OURS, null, new DecimalCodec(LinkLimits.MIN_LR_DECAY, 1)),
    LR_PERIOD("lrPeriod", OURS, null, new IntCodec(1, LinkLimits.MAX_LR_PERIOD)),
    /** Stop when the test loss has not improved for this many epochs and restore the best weights. */
    EARLY_STOP("earlyStop", OURS, null, new IntCodec(0, LinkLimits.MAX_EARLY_STOP));

    /** TF writes {@code <key>_hide=true} for each control the link hides. */
    public static final String HIDE_SUFFIX = "_hide";

    private final String key;
    private final Origin origin;
    private final Object defaultValue;
    private final ValueCodec<?> codec;
    private final Object unwritten;

    LinkKey(String key, Origin origin, Object defaultValue, ValueCodec<?> codec) {
        this(key, origin, defaultValue, codec, null);
    }

    LinkKey(String key, Origin origin, Object defaultValue, ValueCodec<?> codec, Object unwritten) {
        this.key = key;
        this.origin = origin;
        this.defaultValue = defaultValue;
        this.codec = codec;
        this.unwritten = unwritten;
    }

    /** The name used in links. */
    public String key() { return key; }

    /** Whether TF Playground or we defined this key. */
    public Origin origin() { return origin; }

    /** The value when the link does not give one; null when the key is then absent. */
    public Object defaultValue() { return defaultValue; }

    /** The key with this link name, if any. */
    public static Optional<LinkKey> find(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }

    /** The key that switches this input feature on or off. */
    public static LinkKey of(Feature feature) {
        return find(feature.key()).orElseThrow();
    }

    /** Reads link text into this key's typed value (clamping with a warning, or throwing LinkException). */
    Object parse(String text, Consumer<String> warnings) {
        return codec.parse(key, text, warnings);
    }

    /** True when an empty value is a real value here rather than "not given". */
    boolean acceptsEmpty() { return codec.acceptsEmpty(); }

    /** The link text of a value of this key. */
    String format(Object value) { return formatWith(codec, value); }

    /** False when TF Playground itself would not understand this value. */
    boolean isTensorFlowValue(Object value) {
        return origin == TENSORFLOW && tensorFlowValueWith(codec, value);
    }

    /** False for values TF leaves out of its hash (regularization none). */
    boolean isWritten(Object value) { return value != null && !value.equals(unwritten); }

    private static ChoiceCodec<DatasetKind> datasets(Problem problem) {
        List<DatasetKind> ofProblem = Arrays.stream(DatasetKind.values()).filter(d -> d.problem() == problem).toList();
        return new ChoiceCodec<>(DatasetKind::key,
                ofProblem.stream().filter(DatasetKind::isTensorFlowPlayground).toList(),
                ofProblem.stream().filter(d -> !d.isTensorFlowPlayground()).toList());
    }

    // Values in the settings only ever come from this key's codec, so the casts hold.
    @SuppressWarnings("unchecked")
    private static <T> String formatWith(ValueCodec<T> codec, Object value) {
        return codec.format((T) value);
    }

    @SuppressWarnings("unchecked")
    private static <T> boolean tensorFlowValueWith(ValueCodec<T> codec, Object value) {
        return codec.isTensorFlowValue((T) value);
    }
}
