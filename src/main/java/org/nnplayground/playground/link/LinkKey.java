package org.nnplayground.playground.link;

import static org.nnplayground.playground.link.Origin.OURS;
import static org.nnplayground.playground.link.Origin.TENSORFLOW;
import static org.nnplayground.playground.link.SettingEffect.DISPLAY;
import static org.nnplayground.playground.link.SettingEffect.LIVE;
import static org.nnplayground.playground.link.SettingEffect.NEW_DATA;
import static org.nnplayground.playground.link.SettingEffect.NEW_NETWORK;
import static org.nnplayground.playground.link.SettingEffect.NEW_SEED;
import static org.nnplayground.playground.link.SettingEffect.SLICE;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
 * Every link setting, declared once: key, origin, default, codec (type and allowed values or
 * range), effect (live or rebuild), label and control. Parsing, writing, the server's checks and
 * effects, the page's controls and the browser's state (the page embeds {@link LinkTable}'s JSON)
 * all walk this table. The TF keys are in TF Playground's own order, which is
 * also the order it writes them; our keys come after.
 */
public enum LinkKey {
    ACTIVATION(row("activation", TENSORFLOW, Activation.TANH, new ChoiceCodec<>(Activation::key,
            List.of(Activation.RELU, Activation.TANH, Activation.SIGMOID, Activation.LINEAR), List.of(Activation.STEP)))
            .rebuilds(NEW_NETWORK).label("Activation")
            .control(Control.select("relu", "ReLU", "tanh", "Tanh", "sigmoid", "Sigmoid", "linear", "Linear", "step", "Step"))
            .help("The function each hidden neuron applies to its weighted sum. ReLU learns fast; tanh and "
                    + "sigmoid are smooth but their gradients fade in deep networks; step is the book's "
                    + "perceptron (set weights by hand).")),
    /** TF's key map turns "none" into null, so it never writes regularization=none. */
    REGULARIZATION(row("regularization", TENSORFLOW, Regularization.NONE,
            ChoiceCodec.all(Regularization::key, Regularization.values())).unwritten(Regularization.NONE)
            .rebuilds(NEW_NETWORK).label("Regularization").control(Control.select("none", "None", "L1", "L1", "L2", "L2"))
            .help("A penalty on big weights that keeps the boundary simple. L2 shrinks every weight a "
                    + "little; L1 pushes unneeded ones to exactly zero. Try it when the test loss rises while "
                    + "training falls.")),
    BATCH_SIZE(row("batchSize", TENSORFLOW, 10, new IntCodec(LinkLimits.MIN_BATCH_SIZE, LinkLimits.MAX_BATCH_SIZE))
            .rebuilds(NEW_NETWORK).label("Batch size").control(Control.slider(1, 30))
            .help("How many points are averaged for each weight update. Small batches are noisy but quick; "
                    + "large ones are smooth but take more epochs.")),
    DATASET(row("dataset", TENSORFLOW, DatasetKind.CIRCLE, datasets(Problem.CLASSIFICATION))
            .rebuilds(NEW_DATA).label("Which dataset")
            .control(Control.select("circle", "Circle", "xor", "Exclusive or", "gauss", "Gaussian", "spiral", "Spiral",
                    "moons", "Moons", "checkerboard", "Checkerboard", "curve", "Curve", "blobs3", "3 blobs",
                    "blobs4", "4 blobs", "spiral3", "3 spirals", "alien", "Alien planet", "alien-nn", "Alien planet 2", "xor-table", "XOR table", "mnist", "Handwritten digits",
                    "fashion", "Clothes (Fashion-MNIST)"))
            .help("The points to classify. Try the spiral with few neurons, then add layers.")),
    REG_DATASET(row("regDataset", TENSORFLOW, DatasetKind.REG_PLANE, datasets(Problem.REGRESSION))
            .rebuilds(NEW_DATA).label("Which dataset")
            .control(Control.select("reg-plane", "Plane", "reg-gauss", "Multi Gaussian"))
            .help("The points whose value the network must predict.")),
    LEARNING_RATE(row("learningRate", TENSORFLOW, 0.03,
            new DecimalCodec(LinkLimits.MIN_LEARNING_RATE, LinkLimits.MAX_LEARNING_RATE))
            .rebuilds(LIVE).label("Learning rate")
            .control(Control.numbers("0.00001", "0.0001", "0.001", "0.003", "0.01", "0.03", "0.1", "0.3", "1", "3", "10"))
            .help("The size of each step down the loss. Too small and nothing moves; too big and the loss "
                    + "jumps around or explodes. Try ten times up and down.")),
    REGULARIZATION_RATE(row("regularizationRate", TENSORFLOW, 0.0,
            new DecimalCodec(LinkLimits.MIN_REGULARIZATION_RATE, LinkLimits.MAX_REGULARIZATION_RATE))
            .rebuilds(LIVE).label("Regularization rate")
            .control(Control.numbers("0", "0.001", "0.003", "0.01", "0.03", "0.1", "0.3", "1", "3", "10"))
            .help("How strong the weight penalty is. 0 turns it off; too much and the network cannot fit at "
                    + "all.")),
    NOISE(row("noise", TENSORFLOW, 0, new IntCodec(LinkLimits.MIN_NOISE, LinkLimits.MAX_NOISE))
            .rebuilds(NEW_DATA).label("Noise").control(Control.slider(5, LinkLimits.MAX_NOISE))
            .help("Scatter added to the points. With more noise the network needs regularization not to "
                    + "memorise it.")),
    NETWORK_SHAPE(row("networkShape", TENSORFLOW, List.of(4, 2), new ShapeCodec())
            .rebuilds(NEW_NETWORK).label("Hidden layers")
            .help("Hidden layers and their neurons. More neurons draw more complicated boundaries, and can "
                    + "also overfit.")),
    /** No default: a missing seed is replaced by a fresh one when the link is parsed. */
    SEED(row("seed", TENSORFLOW, null, new TextCodec()).rebuilds(NEW_SEED).label("Seed")
            .help("The random start: the same seed gives the same data and the same first weights.")),
    SHOW_TEST_DATA(row("showTestData", TENSORFLOW, false, new BooleanCodec())
            .rebuilds(DISPLAY).label("Show test data").control(Control.CHECKBOX)
            .help("Draws the test points too: the ones the network never trains on.")),
    DISCRETIZE(row("discretize", TENSORFLOW, false, new BooleanCodec())
            .rebuilds(DISPLAY).label("Discretize output").control(Control.CHECKBOX)
            .help("Shows the network's decision (one colour per class) instead of its confidence.")),
    PERC_TRAIN_DATA(row("percTrainData", TENSORFLOW, 50, new IntCodec(LinkLimits.MIN_PERC_TRAIN_DATA,
            LinkLimits.MAX_PERC_TRAIN_DATA, LinkLimits.MAX_PERC_TRAIN_DATA_TF))
            .rebuilds(NEW_DATA).label("Ratio of training to test data").control(Control.slider(10, LinkLimits.MAX_PERC_TRAIN_DATA))
            .help("The share of points used for training; the rest test how well it generalises.")),
    X(feature("x", true, "X₁")),
    Y(feature("y", true, "X₂")),
    X_TIMES_Y(feature("xTimesY", false, "X₁X₂")),
    X_SQUARED(feature("xSquared", false, "X₁²")),
    Y_SQUARED(feature("ySquared", false, "X₂²")),
    /** Accepted and written back like TF does, but never an input. */
    COS_X(row("cosX", TENSORFLOW, false, new BooleanCodec()).rebuilds(DISPLAY).label("cos(X₁)")),
    SIN_X(feature("sinX", false, "sin(X₁)")),
    COS_Y(row("cosY", TENSORFLOW, false, new BooleanCodec()).rebuilds(DISPLAY).label("cos(X₂)")),
    SIN_Y(feature("sinY", false, "sin(X₂)")),
    COLLECT_STATS(row("collectStats", TENSORFLOW, false, new BooleanCodec()).rebuilds(DISPLAY).label("Collect statistics")),
    TUTORIAL(row("tutorial", TENSORFLOW, null, new TextCodec()).rebuilds(DISPLAY).label("Tutorial")),
    PROBLEM(row("problem", TENSORFLOW, Problem.CLASSIFICATION, ChoiceCodec.all(Problem::key, Problem.values()))
            .rebuilds(NEW_DATA).label("Problem type")
            .control(Control.select("classification", "Classification", "regression", "Regression"))
            .help("Classification predicts a class; regression predicts a number.")),
    INIT_ZERO(row("initZero", TENSORFLOW, false, new BooleanCodec()).rebuilds(NEW_NETWORK).label("All weights start at zero")),
    HIDE_TEXT(row("hideText", TENSORFLOW, false, new BooleanCodec()).rebuilds(DISPLAY).label("Hide the explanatory text")),

    // Ours: absent means TF Playground's behaviour, which shows() names for the page's controls.
    /** Set by the server on runs of the student's own data (CSV, drawing): the link then names no TF data set. */
    DATA(row("data", OURS, null, ChoiceCodec.all(DataOrigin::key, DataOrigin.values()))
            .rebuilds(NEW_DATA).label("Data").neutral()
            .help("local: this run uses data of your own (a CSV file or drawn points), which a link cannot carry. "
                    + "Opened elsewhere, the link shows TF's data set until you load the same file again.")),
    OPTIMIZER(row("optimizer", OURS, null, ChoiceCodec.all(OptimizerKind::key, OptimizerKind.values()))
            .rebuilds(NEW_NETWORK).label("Optimizer").shows("sgd")
            .control(Control.select("sgd", "SGD", "momentum", "Momentum", "adam", "Adam", "rmsprop", "RMSprop",
                    "adagrad", "AdaGrad"))
            .help("The update rule. SGD takes plain steps; momentum keeps speed in one direction; Adam and "
                    + "RMSprop scale each weight's step by its recent gradients and usually need a smaller "
                    + "learning rate (0.001-0.01).")),
    LOSS(row("loss", OURS, null, ChoiceCodec.all(LossKind::key, LossKind.values()))
            .rebuilds(NEW_NETWORK).label("Loss").shows("square")
            .control(Control.select("square", "Square (TF)", "mse", "MSE", "mae", "MAE", "logloss", "Log loss",
                    "crossentropy", "Cross-entropy"))
            .help("What training minimises: squared errors for numbers, log loss or cross-entropy for "
                    + "classes.")),
    OUTPUT(row("output", OURS, null, ChoiceCodec.all(OutputChoice::key, OutputChoice.values()))
            .rebuilds(NEW_NETWORK).label("Output activation").shows("auto")
            .control(Control.select("auto", "Auto", "tanh", "Tanh", "sigmoid", "Sigmoid", "linear", "Linear",
                    "softmax", "Softmax", "step", "Step"))
            .help("The output neuron's function: tanh or sigmoid for two classes, softmax for more, linear "
                    + "for numbers.")),
    DROPOUT(row("dropout", OURS, null, new DecimalCodec(LinkLimits.MIN_DROPOUT, LinkLimits.MAX_DROPOUT))
            .rebuilds(NEW_NETWORK).label("Dropout").shows("0")
            .control(Control.numbers("0", "0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9"))
            .help("Switches off this share of hidden neurons at random during training, so none can be "
                    + "relied on alone. Try 0.2 against overfitting.")),
    INIT(row("init", OURS, null, ChoiceCodec.all(WeightInit::key, WeightInit.values()))
            .rebuilds(NEW_NETWORK).label("Initial weights").shows("tf")
            .control(Control.select("tf", "TF (uniform)", "zero", "Zero", "glorot", "Glorot", "he", "He"))
            .help("How the first weights are drawn. Glorot suits tanh and sigmoid, He suits ReLU; all zero "
                    + "never learns.")),
    /** Epochs trained between two frames while playing (0 = as many as a frame's time allows). */
    SPEED(row("speed", OURS, null, new IntCodec(LinkLimits.MIN_SPEED, LinkLimits.MAX_SPEED))
            .rebuilds(LIVE).label("Epochs per frame").shows("1").neutral()
            .control(Control.select("1", "1", "2", "2", "5", "5", "10", "10", "50", "50", "100", "100", "0", "max"))),
    /** Data with 3+ input columns: the column across the heatmap (default the first). */
    SLICE_X(row("sliceX", OURS, null, new TextCodec()).rebuilds(SLICE).label("Across").neutral()),
    /** ... and the column up the heatmap (default the second); the others are held at their training mean. */
    SLICE_Y(row("sliceY", OURS, null, new TextCodec()).rebuilds(SLICE).label("Up").neutral()),
    /** z-score the raw inputs (fit on the training part); off when absent, and never TF-exact. */
    STANDARDIZE(row("standardize", OURS, null, new BooleanCodec())
            .rebuilds(NEW_SEED).label("Standardize inputs").shows("false").control(Control.CHECKBOX)
            .help("Rescales every input column to mean 0 and standard deviation 1 (measured on the training "
                    + "points). Try it on a CSV whose columns have very different ranges.")),
    /** Learning-rate schedule: step (staircase) or exp decay by lrDecay every lrPeriod epochs. */
    LR_SCHEDULE(row("lrSchedule", OURS, null, ChoiceCodec.all(LearningRateSchedule.Kind::key, LearningRateSchedule.Kind.values()))
            .rebuilds(LIVE).label("Learning-rate schedule").shows("none")
            .control(Control.select("none", "None", "step", "Step", "exp", "Exponential"))
            .help("Lowers the learning rate as training goes on: step halves it (or the factor you set) "
                    + "every period; exponential lowers it smoothly. Big steps first, fine steps later.")),
    LR_DECAY(row("lrDecay", OURS, null, new DecimalCodec(LinkLimits.MIN_LR_DECAY, 1))
            .rebuilds(LIVE).label("Decay factor").shows("0.5")
            .control(Control.numbers("0.1", "0.2", "0.3", "0.5", "0.7", "0.9"))
            .help("The factor the learning rate is multiplied by over each period (0.5 = halved).")),
    LR_PERIOD(row("lrPeriod", OURS, null, new IntCodec(1, LinkLimits.MAX_LR_PERIOD))
            .rebuilds(LIVE).label("Decay period (epochs)").shows("100")
            .control(Control.numbers("10", "20", "50", "100", "200", "500", "1000"))
            .help("How many epochs one decay factor takes.")),
    /** Stop when the test loss has not improved for this many epochs and restore the best weights. */
    EARLY_STOP(row("earlyStop", OURS, null, new IntCodec(0, LinkLimits.MAX_EARLY_STOP))
            .rebuilds(LIVE).label("Early stopping (epochs without progress)").shows("0")
            .control(Control.numbers("0", "5", "10", "20", "50", "100"))
            .help("Stops when the test loss has not improved for this many epochs and puts back the weights "
                    + "of the best epoch (marked on the loss chart). A cure for overfitting."));

    /** TF writes {@code <key>_hide=true} for each control the link hides. */
    public static final String HIDE_SUFFIX = "_hide";

    private final String key;
    private final Origin origin;
    private final Object defaultValue;
    private final ValueCodec<?> codec;
    private final Object unwritten;
    private final SettingEffect effect;
    private final String label;
    private final Control control;
    private final String shows;
    private final boolean neutral;
    private final String help;

    LinkKey(Row row) {
        this.key = row.key;
        this.origin = row.origin;
        this.defaultValue = row.defaultValue;
        this.codec = row.codec;
        this.unwritten = row.unwritten;
        this.effect = row.effect;
        this.label = row.label;
        this.control = row.control;
        this.shows = row.shows != null ? row.shows
                : row.defaultValue == null ? null : formatWith(row.codec, row.defaultValue);
        this.neutral = row.neutral;
        this.help = row.help;
    }

    /** The name used in links. */
    public String key() { return key; }

    /** Whether TF Playground or we defined this key. */
    public Origin origin() { return origin; }

    /** The value when the link does not give one; null when the key is then absent. */
    public Object defaultValue() { return defaultValue; }

    /** What changing this key does to a running session. */
    public SettingEffect effect() { return effect; }

    /** The words the page shows for this setting. */
    public String label() { return label; }

    /** How the page shows this setting. */
    public Control control() { return control; }

    /** One or two sentences for the control's tooltip: what it does and what to try (null: none). */
    public String help() { return help; }

    /** What a control shows when the link leaves the key out (the default's text; ours: TF's behaviour). */
    public String shows() { return shows; }

    /** True when the value never changes the numbers a run produces (speed, slice), so TF-exactness ignores it. */
    public boolean neutral() { return neutral; }

    /** What the codec allows: {@code values}, or {@code min}/{@code max} (numbers), or nothing (any text). */
    public Map<String, Object> allowed() { return codec.allowed(); }

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

    /** False when TF Playground itself would not understand this value (neutral keys never matter). */
    boolean isTensorFlowValue(Object value) {
        return neutral || (origin == TENSORFLOW && tensorFlowValueWith(codec, value));
    }

    /** False for values TF leaves out of its hash (regularization none). */
    boolean isWritten(Object value) { return value != null && !value.equals(unwritten); }

    private static Row row(String key, Origin origin, Object defaultValue, ValueCodec<?> codec) {
        return new Row(key, origin, defaultValue, codec);
    }

    /** An input feature: switched on and off on the network drawing; a new network when it changes. */
    private static Row feature(String key, boolean on, String label) {
        return row(key, TENSORFLOW, on, new BooleanCodec()).rebuilds(NEW_NETWORK).label(label).control(Control.FEATURE);
    }

    /**
     * One row of the table while it is declared. To add a setting: add an enum constant with
     * {@code row(key, origin, default, codec)}, then {@code .rebuilds(effect)}, {@code .label(words)}
     * and, when the page should show it, {@code .control(...)}. The page, the server's checks and the
     * browser's state all follow (docs/architecture.md, "Adding a setting").
     */
    private static final class Row {
        final String key;
        final Origin origin;
        final Object defaultValue;
        final ValueCodec<?> codec;
        Object unwritten;
        SettingEffect effect = NEW_NETWORK;
        String label;
        Control control = Control.NONE;
        String shows;
        boolean neutral;
        String help;

        Row(String key, Origin origin, Object defaultValue, ValueCodec<?> codec) {
            this.key = key;
            this.origin = origin;
            this.defaultValue = defaultValue;
            this.codec = codec;
            this.label = key;
        }

        Row unwritten(Object value) { unwritten = value; return this; }

        Row rebuilds(SettingEffect e) { effect = e; return this; }

        Row label(String words) { label = words; return this; }

        Row control(Control c) { control = c; return this; }

        Row shows(String text) { shows = text; return this; }

        Row neutral() { neutral = true; return this; }

        Row help(String words) { help = words; return this; }
    }

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
