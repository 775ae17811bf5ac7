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

/**
 * One configured run, built the way TF Playground builds it: seed the random stream with the
 * link's seed, generate the data, shuffle and split it, then draw the initial weights from the
 * same stream. A CSV data set replaces the generator; the split and weights follow the same rule.
 */
public final class TrainingRun {
    /** Parameters x training samples allowed: about 50 ms per epoch, so one turn never hogs a trainer thread. */
    public static final long MAX_WORK_PER_EPOCH = 20_000_000L;
    private final PlaygroundSettings settings;
    private final DataSet uploaded;
    private final TfRandom random;
    private final Split split;
    private final List<Feature> features;
    private final NetworkSpec spec;
    private final TrainingConfig config;
    private final TrainingData train;
    private final TrainingData test;
    private Trainer trainer;

    private TrainingRun(PlaygroundSettings settings, DataSet uploaded, TfRandom random, Split split) {
        this.settings = settings;
        this.uploaded = uploaded;
        this.random = random;
        this.split = split;
        DataSet data = split.source();
        this.features = data.isPlanar() ? settings.features() : List.of();
        ModelChoice model = ModelChoice.of(settings, data);
        int inputs = data.isPlanar() ? features.size() : data.numInputs();
        this.spec = new NetworkSpec(inputs, settings.networkShape(), model.outputs(), settings.activation(), model.output()).validate();
        boolean tfExact = settings.tfExact() && uploaded == null;
        this.config = new TrainingConfig(model.loss(), settings.optimizer(), settings.learningRate(), settings.regularization(),
                settings.regularizationRate(), settings.batchSize(), settings.dropout(), tfExact, settings.seed().hashCode()).validate();
        long work = (long) spec.parameterCount() * split.train().size();
        if (work > MAX_WORK_PER_EPOCH) {
            throw new IllegalArgumentException("this network is too big for this much data: " + spec.parameterCount()
                    + " parameters x " + split.train().size() + " training samples is more than " + MAX_WORK_PER_EPOCH
                    + " per epoch; use fewer neurons or less data");
        }
        this.train = encode(split.train());
        this.test = encode(split.test());
        this.trainer = newTrainer();
    }

    /** Builds a run from a link's settings; {@code uploaded} (nullable) replaces the generated data. */
    public static TrainingRun create(PlaygroundSettings settings, DataSet uploaded) {
        TfRandom random = TfRandom.seeded(settings.seed());
        DataSet data = uploaded != null ? uploaded
                : DataSets.generate(settings.datasetInUse(), settings.noise() / 100.0, random);
        Split split = DataSets.split(data, settings.percTrainData(), random);
        return new TrainingRun(settings, uploaded, random, settings.standardize() ? Standardizer.standardize(split) : split);
    }

    /** A run on a ready split (drawn data: every point in training), weights from the link's seed. */
    static TrainingRun fromSplit(PlaygroundSettings settings, Split split) {
        return new TrainingRun(settings, split.source(), TfRandom.seeded(settings.seed()), split);
    }

    /** Same data and random stream, a new network for {@code next} (TF's reset after a model change). */
    public TrainingRun withModel(PlaygroundSettings next) {
        return new TrainingRun(next, uploaded, random, split);
    }

    /** New weights drawn from the continuing random stream (TF Playground's reset), same data. */
    public void resetWeights() {
        TrainingConfig live = trainer.config();
        trainer = newTrainer();
        trainer.reconfigure(live);
    }

    /** The same run under settings that change neither data nor model (display keys, rates). */
    public TrainingRun withSettingsOnly(PlaygroundSettings next) {
        return new TrainingRun(this, next);
    }

    private TrainingRun(TrainingRun same, PlaygroundSettings settings) {
        this.settings = settings;
        this.uploaded = same.uploaded;
        this.random = same.random;
        this.split = same.split;
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

    private Trainer newTrainer() {
        Network net = Network.create(spec, settings.init(), random::random);
        Trainer t = new Trainer(net, config, train, test);
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
            inputs[i] = encodeInputs(s.inputs());
            labels[i] = s.label();
            targets[i] = OutputDecoder.target(s.label(), source.numClasses(), spec.outputs(), spec.outputActivation());
        }
        return new TrainingData(inputs, targets, labels, source.numClasses());
    }

    public PlaygroundSettings settings() { return settings; }

    public DataSet uploaded() { return uploaded; }

    public Split split() { return split; }

    public List<Feature> features() { return features; }

    public NetworkSpec spec() { return spec; }

    public Trainer trainer() { return trainer; }

    public Network network() { return trainer.network(); }

    public boolean tfExact() { return config.tfExact(); }
}
