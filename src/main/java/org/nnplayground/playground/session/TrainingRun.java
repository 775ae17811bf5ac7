package org.nnplayground.playground.session;

import org.nnplayground.playground.data.DataSet;
import org.nnplayground.playground.data.DataSets;
import org.nnplayground.playground.data.Feature;
import org.nnplayground.playground.data.Sample;
import org.nnplayground.playground.data.Split;
import org.nnplayground.playground.data.Standardizer;
import org.nnplayground.playground.data.TfRandom;
import org.nnplayground.playground.link.PlaygroundLink;
import org.nnplayground.playground.link.PlaygroundSettings;
import org.nnplayground.playground.nn.Network;
import org.nnplayground.playground.nn.NetworkSpec;
import org.nnplayground.playground.nn.OutputDecoder;
import org.nnplayground.playground.nn.Trainer;
import org.nnplayground.playground.nn.TrainingConfig;
import org.nnplayground.playground.nn.TrainingData;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.simple.SimpleMatrix;
import org.nnplayground.playground.link.LinkKey;

/**
 * One configured run, built the way TF Playground builds it: seed the random stream with the
 * link's seed, generate the data, shuffle and split it, then draw the initial weights from the
 * same stream. A CSV data set replaces the generator; the split and weights follow the same rule.
 */
public final class TrainingRun {
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
    private final PlaygroundSettings settings;
    private final DataSet uploaded;
    private final TfRandom random;
    private final Split split;
    /** The z-scores' figures when the settings standardize (fit on the training part), else null. */
    private final Standardizer standardizer;
    private final List<Feature> features;
    private final NetworkSpec spec;
    private final TrainingConfig config;
    private final TrainingData train;
    private final TrainingData test;
    /** What fitting the settings to the data changed (e.g. a ratio above TF's 90 % on TF's data). */
    private final List<String> warnings;
    /** The plane the heatmaps show, and (3+ columns) the training means the other columns are held at. */
    private final GridPlane plane;
    private final double[] held;
    private Trainer trainer;

    private TrainingRun(PlaygroundSettings requested, DataSet uploaded, TfRandom random, Split split, Standardizer standardizer) {
        this(requested, uploaded, random, split, standardizer, null);
    }

    /** {@code going}: a trainer that goes on with this run's data (see {@link #withDrawing}); null: a new network. */
    private TrainingRun(PlaygroundSettings requested, DataSet uploaded, TfRandom random, Split split, Standardizer standardizer, Trainer going) {
        List<String> fitted = new ArrayList<>();
        PlaygroundSettings settings = SettingsFit.slice(requested, split.source(), fitted);
        this.warnings = List.copyOf(fitted);
        this.settings = settings;
        this.uploaded = uploaded;
        this.random = random;
        this.split = split;
        this.standardizer = standardizer;
        DataSet data = split.source();
        this.features = data.isPlanar() ? settings.features() : List.of();
        ModelChoice model = ModelChoice.of(settings, data);
        int inputs = data.isPlanar() ? features.size() : data.numInputs();
        this.spec = new NetworkSpec(inputs, settings.networkShape(), model.outputs(), settings.activation(), model.output()).validate();
        boolean tfExact = settings.tfExact() && uploaded == null;
        this.config = new TrainingConfig(model.loss(), settings.optimizer(), settings.learningRate(), settings.regularization(),
                settings.regularizationRate(), settings.batchSize(), settings.dropout(), tfExact, settings.seed().hashCode()).validate();
        long work = (long) spec.parameterCount() * split.train().size();
        long maxWork = isImage() ? MAX_IMAGE_WORK_PER_EPOCH : MAX_WORK_PER_EPOCH;
        if (work > maxWork) {
            throw new IllegalArgumentException("this network is too big for this much data: " + spec.parameterCount()
                    + " parameters x " + split.train().size() + " training samples is more than " + maxWork
                    + " per epoch; use fewer neurons or less data");
        }
        this.train = encode(split.train());
        this.test = encode(split.test());
        this.plane = GridPlane.of(settings, uploaded, split);
        this.held = data.isPlanar() || isImage() ? null : GridInputs.means(split.train().isEmpty() ? data.samples() : split.train(), data.numInputs());
        if (going != null && !spec.equals(going.network().spec())) throw new IllegalStateException("the network does not fit this data");
        if (going != null) going.replaceData(train, test);
        this.trainer = going != null ? going : newTrainer();
    }

    /** Builds a run from a link's settings; {@code uploaded} (nullable) replaces the generated data. */
    public static TrainingRun create(PlaygroundSettings requested, DataSet uploaded) {
        List<String> fitted = new ArrayList<>();
        PlaygroundSettings settings = SettingsFit.tfRatio(SettingsFit.dataSource(requested, uploaded, fitted), uploaded, fitted);
        TfRandom random = TfRandom.seeded(settings.seed());
        DataSet data = uploaded != null ? uploaded
                : DataSets.generate(settings.datasetInUse(), settings.noise() / 100.0, random);
        boolean image = uploaded == null && settings.datasetInUse().isImage();
        Split split = DrawnData.NAME.equals(data.name()) && uploaded != null ? drawnSplit(data)
                : DataSets.split(data, image ? IMAGE_PERC_TRAIN : allTrain(data) ? 100 : settings.percTrainData(), random);
        Standardizer z = settings.standardize() && !image ? Standardizer.fit(split.train(), data.numInputs()) : null;
        if (z != null) split = Standardizer.standardize(split, z);
        TrainingRun run = new TrainingRun(settings, uploaded, random, split, z);
        if (fitted.isEmpty()) return run;
        fitted.addAll(run.warnings);
        return run.withWarnings(fitted);
    }

    /**
     * This run's network and training (weights, optimizer state, epoch, random streams) going on
     * with the student's drawing as it now stands: the data, split and standardization that
     * {@link #create}{@code (settings(), drawing)} would make, with no new network. A drawing
     * changes point by point while it trains, so a batch of points costs no more than an epoch.
     * Throws, leaving this run as it was, when the network is too big for that many points.
     */
    TrainingRun withDrawing(DataSet drawing) {
        if (!isDrawing() || !DrawnData.NAME.equals(drawing.name())) throw new IllegalStateException("only a drawing's points change in place");
        Split split = drawnSplit(drawing);
        Standardizer z = settings.standardize() ? Standardizer.fit(split.train(), drawing.numInputs()) : null;
        if (z != null) split = Standardizer.standardize(split, z);
        return new TrainingRun(settings, drawing, random, split, z, trainer);
    }

    /** True when this run trains on the student's drawn points. */
    boolean isDrawing() { return uploaded != null && DrawnData.NAME.equals(uploaded.name()); }

    /** Every drawn point trains (each one the student drew should shape the boundary), also when a saved run comes back. */
    private static Split drawnSplit(DataSet drawing) { return new Split(drawing, List.copyOf(drawing.samples()), List.of()); }

    /**
     * Like {@link #create} but never refuses: when the settings cannot make a run (a combination the
     * data does not allow, a network too big for the data), the changed keys go back to their
     * defaults one at a time, ours first, until one can; {@code warnings} names each such key. A
     * link must never leave the page without a network.
     */
    public static TrainingRun createForgiving(PlaygroundSettings settings, DataSet uploaded, Consumer<String> warnings) {
        return SettingsFit.forgiving(settings, uploaded, warnings);
    }

    /** The settings for generated data picked while this run's data was the student's own: the picked data replaces it. */
    public static PlaygroundSettings generatedData(PlaygroundSettings s) { return s.withDefault(LinkKey.DATA); }

    /**
     * A table (the XOR truth table, the alien planets) or a tiny CSV trains on all its points: a test
     * set of one or two points would leave the training set without a class and tell nothing.
     */
    public static boolean allTrain(DataSet data) { return data.samples().size() < ALL_TRAIN_BELOW; }

    /** Data with fewer points than this has no test set (see {@link #allTrain}). */
    public static final int ALL_TRAIN_BELOW = 30;

    /**
     * The values the output heatmap's colours span: [-1, 1] (TF's scale), or the labels' range for
     * the student's own regression data whose labels leave it (house prices 0.1 to 5); null
     * for classes, generated data and labels within TF's scale.
     */
    public double[] outputRange() {
        DataSet data = split.source();
        // TF's generated data keeps TF's picture (its labels pass 1 a little; TF clamps them too)
        if (data.numClasses() > 0 || uploaded == null) return null;
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (Sample s : data.samples()) {
            lo = Math.min(lo, s.label());
            hi = Math.max(hi, s.label());
        }
        // the labels' own range, so the colours spread over the values there are (prices 0.1 to 5
        // would leave the orange half of -1..5 unused)
        return lo >= -1 && hi <= 1 || lo >= hi ? null : new double[] {lo, hi};
    }

    /** The inputs of every cell of an n x n heatmap grid over {@link #plane()}. */
    public DMatrixRMaj gridInputs(int n) {
        if (isImage()) return null; // pixels have no plane to draw a boundary over
        return held == null ? GridInputs.shared(features, n, plane) : GridInputs.slice(plane, held, n);
    }

    /** The plane the heatmaps show. */
    public GridPlane plane() { return plane; }

    /** What fitting the settings to the data changed, as sentences for the student. */
    public List<String> warnings() { return warnings; }

    /** The same run showing another slice (sliceX, sliceY): same data, network and training. */
    public TrainingRun withSlice(PlaygroundSettings next) {
        return new TrainingRun(this, next, null);
    }

    private TrainingRun withWarnings(List<String> all) {
        return new TrainingRun(this, settings, all);
    }

    /**
     * Same data, a new network for {@code next} drawn as loading its link draws it: the page's link
     * then reproduces the run, weights and all (TF Playground draws it from its continuing stream, so
     * its link gives other weights after a model change). The reset button still draws new weights.
     */
    public TrainingRun withModel(PlaygroundSettings next) {
        return create(next, uploaded);
    }

    /** New weights drawn from the continuing random stream (TF Playground's reset), same data. */
    public void resetWeights() {
        TrainingConfig live = trainer.config();
        trainer = newTrainer();
        trainer.reconfigure(live);
    }

    /** The same run under settings that change neither data nor model (display keys, rates). */
    public TrainingRun withSettingsOnly(PlaygroundSettings next) {
        return new TrainingRun(this, next, List.of());
    }

    private TrainingRun(TrainingRun same, PlaygroundSettings requested, List<String> warnings) {
        List<String> fitted = new ArrayList<>();
        this.settings = SettingsFit.slice(requested, same.split.source(), fitted);
        this.warnings = warnings != null ? List.copyOf(warnings) : List.copyOf(fitted);
        this.plane = GridPlane.of(settings, same.uploaded, same.split);
        this.held = same.held;
        this.uploaded = same.uploaded;
        this.random = same.random;
        this.split = same.split;
        this.standardizer = same.standardizer;
        this.features = same.features;
        this.spec = same.spec;
        this.config = same.config;
        this.train = same.train;
        this.test = same.test;
        this.trainer = same.trainer;
    }

    /** New data for {@code next} (TF's regenerate: a fresh seed gives new points), the upload kept. */
    public TrainingRun withData(PlaygroundSettings next) {
        return create(next, uploaded);
    }

    /**
     * A fresh seed drawn from this run's random stream, as TF Playground's generateData() draws
     * {@code Math.random().toFixed(5)} from its seeded stream when the data changes.
     */
    public String nextSeed() {
        return PlaygroundLink.freshSeed(new RandomGenerator() {
            @Override
            public long nextLong() { return Double.doubleToLongBits(random.random()); }

            @Override
            public double nextDouble() { return random.random(); }
        });
    }

    /** The input vector the network sees for a raw point. */
    public double[] encodeInputs(double[] raw) {
        if (features.isEmpty()) return raw.clone();
        double[] in = new double[features.size()];
        for (int k = 0; k < in.length; k++) in[k] = features.get(k).of(raw[0], raw[1]);
        return in;
    }

    /** True when the inputs are the pixels of an image (bundled digits or an image-sized CSV). */
    public boolean isImage() { return spec.isImage(); }

    private Trainer newTrainer() {
        Network net = Network.create(spec, settings.init(), random::random);
        Trainer t = new Trainer(net, config, train, test, isImage() && !config.tfExact());
        TrainingExtras.configure(t, settings);
        return t;
    }

    private TrainingData encode(List<Sample> samples) {
        DataSet source = split.source();
        int n = samples.size();
        double[][] inputs = new double[n][];
        double[][] targets = new double[n][];
        double[] labels = new double[n];
        for (int i = 0; i < n; i++) {
            Sample s = samples.get(i);
            // image pixels are shared with every run of the same data (read-only), never copied
            inputs[i] = spec.isImage() ? s.inputs() : encodeInputs(s.inputs());
            labels[i] = s.label();
            targets[i] = OutputDecoder.target(s.label(), source.numClasses(), spec.outputs(), spec.outputActivation());
        }
        return new TrainingData(inputs, targets, labels, source.numClasses());
    }

    /** Draws taken from the seeded stream so far (a saved run records where it stood). */
    long randomDraws() { return random.draws(); }

    /** Moves the seeded stream on to {@code draws} draws, as it stood when the run was saved. */
    void skipRandomTo(long draws) {
        if (draws < random.draws()) throw new IllegalArgumentException("the saved random stream position is before this run's start");
        while (random.draws() < draws) random.random();
    }

    public PlaygroundSettings settings() { return settings; }

    public DataSet uploaded() { return uploaded; }

    public Split split() { return split; }

    /** The inputs' z-score figures (mean and standard deviation per column) when standardized, else null. */
    public Standardizer standardizer() { return standardizer; }

    public List<Feature> features() { return features; }

    public NetworkSpec spec() { return spec; }

    /** The Keras-style summary of this run's model (the page's, the CLI's): normalization and dropout rows included. */
    public org.nnplayground.playground.nn.ModelSummary summary() {
        return org.nnplayground.playground.nn.ModelSummary.of(spec, settings.standardize(), settings.dropout());
    }

    public Trainer trainer() { return trainer; }

    public Network network() { return trainer.network(); }

    public boolean tfExact() { return config.tfExact(); }
}
