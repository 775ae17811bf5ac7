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

import java.util.List;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;

/**
 * One run built from its {@link RunPlan} the way TF Playground builds it: seed the random stream
 * with the link's seed, generate the data, shuffle and split it, then draw the initial weights from
 * the same stream. A CSV data set replaces the generator; the split and weights follow the same rule.
 */
public final class TrainingRun {
    private final RunPlan plan;
    private final TfRandom random;
    private final Split split;
    /** The z-scores' figures when the settings standardize (fit on the training part), else null. */
    private final Standardizer standardizer;
    private final TrainingData train;
    private final TrainingData test;
    /** The plane the heatmaps show, and (3+ columns) the training means the other columns are held at. */
    private final GridPlane plane;
    private final double[] held;
    private Trainer trainer;

    private TrainingRun(RunPlan plan, TfRandom random, Split split, Standardizer standardizer) {
        this(plan, random, split, standardizer, null);
    }

    /** {@code going}: a trainer that goes on with this run's data (see {@link #withDrawing}); null: a new network. */
    private TrainingRun(RunPlan plan, TfRandom random, Split split, Standardizer standardizer, Trainer going) {
        this.plan = plan;
        this.random = random;
        this.split = split;
        this.standardizer = standardizer;
        DataSet data = split.source();
        this.train = encode(split.train());
        this.test = encode(split.test());
        this.plane = GridPlane.of(plan.settings(), plan.uploaded(), split);
        this.held = data.isPlanar() || isImage() ? null : GridInputs.means(split.train().isEmpty() ? data.samples() : split.train(), data.numInputs());
        if (going != null && !plan.spec().equals(going.network().spec())) throw new IllegalStateException("the network does not fit this data");
        if (going != null) going.replaceData(train, test);
        this.trainer = going != null ? going : newTrainer();
    }

    /** Builds the run a plan says: its data drawn from the link's seed, then its network. */
    public static TrainingRun build(RunPlan plan) {
        PlaygroundSettings settings = plan.settings();
        TfRandom random = TfRandom.seeded(settings.seed());
        DataSet data = plan.uploaded() != null ? plan.uploaded()
                : DataSets.generate(settings.datasetInUse(), settings.noise() / 100.0, random);
        Split split = plan.drawn() ? drawnSplit(data) : DataSets.split(data, plan.percTrain(), random);
        Standardizer z = settings.standardize() && !plan.bundledImages() ? Standardizer.fit(split.train(), data.numInputs()) : null;
        if (z != null) split = Standardizer.standardize(split, z);
        return new TrainingRun(plan, random, split, z);
    }

    /** Builds a run from a link's settings ({@link RunPlanner#plan}); {@code uploaded} (nullable) replaces the generated data. */
    public static TrainingRun create(PlaygroundSettings requested, DataSet uploaded) {
        return build(RunPlanner.plan(requested, uploaded));
    }

    /**
     * This run's network and training (weights, optimizer state, epoch, random streams) going on
     * with the student's drawing as it now stands: the plan, split and standardization that
     * {@link #create}{@code (settings(), drawing)} would make, with no new network. A drawing
     * changes point by point while it trains, so a batch of points costs no more than an epoch.
     * Throws, leaving this run as it was, when the network is too big for that many points.
     */
    TrainingRun withDrawing(DataSet drawing) {
        if (!isDrawing() || !DrawnData.NAME.equals(drawing.name())) throw new IllegalStateException("only a drawing's points change in place");
        RunPlan next = RunPlanner.plan(plan.settings(), drawing);
        Split split = drawnSplit(drawing);
        Standardizer z = next.settings().standardize() ? Standardizer.fit(split.train(), drawing.numInputs()) : null;
        if (z != null) split = Standardizer.standardize(split, z);
        return new TrainingRun(next, random, split, z, trainer);
    }

    /** True when this run trains on the student's drawn points. */
    boolean isDrawing() { return plan.drawn(); }

    /** Drawn points all train, in the order drawn (each one the student drew should shape the boundary), also when a saved run comes back. */
    private static Split drawnSplit(DataSet drawing) { return new Split(drawing, List.copyOf(drawing.samples()), List.of()); }

    /**
     * The values the output heatmap's colours span (see {@link RunPlan#outputRange}), or null for
     * TF's -1..1.
     */
    public double[] outputRange() { return plan.outputRange(); }

    /** The inputs of every cell of an n x n heatmap grid over {@link #plane()}. */
    public DMatrixRMaj gridInputs(int n) {
        if (isImage()) return null; // pixels have no plane to draw a boundary over
        return held == null ? GridInputs.shared(plan.features(), n, plane) : GridInputs.slice(plane, held, n);
    }

    /** The plane the heatmaps show. */
    public GridPlane plane() { return plane; }

    /** What fitting the settings to the data changed, as sentences for the student. */
    public List<String> warnings() { return plan.warnings(); }

    /**
     * The same data and network under another plan that keeps them (display keys, live rates, the
     * slice): the heatmaps' plane follows the plan.
     */
    public TrainingRun withPlan(RunPlan next) {
        return new TrainingRun(this, next);
    }

    /** New weights drawn from the continuing random stream (TF Playground's reset), same data. */
    public void resetWeights() {
        TrainingConfig live = trainer.config();
        trainer = newTrainer();
        trainer.reconfigure(live);
    }

    private TrainingRun(TrainingRun same, RunPlan next) {
        if (!next.spec().equals(same.plan.spec()) || next.uploaded() != same.plan.uploaded()) {
            throw new IllegalArgumentException("a plan with another network or data needs a new run");
        }
        this.plan = next;
        this.plane = GridPlane.of(next.settings(), same.plan.uploaded(), same.split);
        this.held = same.held;
        this.random = same.random;
        this.split = same.split;
        this.standardizer = same.standardizer;
        this.train = same.train;
        this.test = same.test;
        this.trainer = same.trainer;
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
        List<Feature> features = plan.features();
        if (features.isEmpty()) return raw.clone();
        double[] in = new double[features.size()];
        for (int k = 0; k < in.length; k++) in[k] = features.get(k).of(raw[0], raw[1]);
        return in;
    }

    /** True when the inputs are the pixels of an image (bundled digits or an image-sized CSV). */
    public boolean isImage() { return plan.spec().isImage(); }

    private Trainer newTrainer() {
        Network net = Network.create(plan.spec(), plan.settings().init(), random::random);
        Trainer t = new Trainer(net, plan.config(), train, test, isImage() && !plan.config().tfExact());
        TrainingExtras.configure(t, plan.settings());
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
            inputs[i] = isImage() ? s.inputs() : encodeInputs(s.inputs());
            labels[i] = s.label();
            targets[i] = OutputDecoder.target(s.label(), source.numClasses(), plan.spec().outputs(), plan.spec().outputActivation());
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

    /** The plan this run was built from (its settings as they run, the network, the training and the data source). */
    public RunPlan plan() { return plan; }

    public PlaygroundSettings settings() { return plan.settings(); }

    public DataSet uploaded() { return plan.uploaded(); }

    public Split split() { return split; }

    /** The inputs' z-score figures (mean and standard deviation per column) when standardized, else null. */
    public Standardizer standardizer() { return standardizer; }

    public List<Feature> features() { return plan.features(); }

    public NetworkSpec spec() { return plan.spec(); }

    /** The Keras-style summary of this run's model (the page's, the CLI's): normalization and dropout rows included. */
    public org.nnplayground.playground.nn.ModelSummary summary() {
        return org.nnplayground.playground.nn.ModelSummary.of(plan.spec(), plan.settings().standardize(), plan.settings().dropout());
    }

    public Trainer trainer() { return trainer; }

    public Network network() { return trainer.network(); }

    public boolean tfExact() { return plan.config().tfExact(); }
}
