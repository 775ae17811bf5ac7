package org.nnplayground.playground.session;

import org.nnplayground.playground.data.DataSet;
import org.nnplayground.playground.data.DataSets;
import org.nnplayground.playground.data.Feature;
import org.nnplayground.playground.data.Sample;
import org.nnplayground.playground.data.Split;
import org.nnplayground.playground.data.TfRandom;
import org.nnplayground.playground.link.PlaygroundSettings;
import org.nnplayground.playground.nn.Network;
import org.nnplayground.playground.nn.NetworkSpec;
import org.nnplayground.playground.nn.OutputDecoder;
import org.nnplayground.playground.nn.Trainer;
import org.nnplayground.playground.nn.TrainingConfig;
import org.nnplayground.playground.nn.TrainingData;

import java.util.List;

/**
 * One configured run, built the way TF Playground builds it: seed the random stream with the
 * link's seed, generate the data, shuffle and split it, then draw the initial weights from the
 * same stream. A CSV data set replaces the generator; the split and weights follow the same rule.
 */
public final class TrainingRun {
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

    private TrainingRun(PlaygroundSettings settings, DataSet uploaded) {
        this.settings = settings;
        this.uploaded = uploaded;
        this.random = TfRandom.seeded(settings.seed());
        DataSet data = uploaded != null ? uploaded
                : DataSets.generate(settings.datasetInUse(), settings.noise() / 100.0, random);
        this.split = DataSets.split(data, settings.percTrainData(), random);
        this.features = data.isPlanar() ? settings.features() : List.of();
        ModelChoice model = ModelChoice.of(settings, data);
        int inputs = data.isPlanar() ? features.size() : data.numInputs();
        this.spec = new NetworkSpec(inputs, settings.networkShape(), model.outputs(), settings.activation(), model.output()).validate();
        boolean tfExact = settings.tfExact() && uploaded == null;
        this.config = new TrainingConfig(model.loss(), settings.optimizer(), settings.learningRate(), settings.regularization(),
                settings.regularizationRate(), settings.batchSize(), settings.dropout(), tfExact, settings.seed().hashCode()).validate();
        this.train = encode(split.train());
        this.test = encode(split.test());
        this.trainer = newTrainer();
    }

    /** Builds a run from a link's settings; {@code uploaded} (nullable) replaces the generated data. */
    public static TrainingRun create(PlaygroundSettings settings, DataSet uploaded) {
        return new TrainingRun(settings, uploaded);
    }

    /** New weights drawn from the continuing random stream (TF Playground's reset), same data. */
    public void resetWeights() {
        TrainingConfig live = trainer.config();
        trainer = newTrainer();
        trainer.reconfigure(live);
    }

    /** The same settings with other data: a fresh seed gives new points (TF's "regenerate"). */
    public TrainingRun withSettings(PlaygroundSettings next) {
        return new TrainingRun(next, uploaded);
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
        return new Trainer(net, config, train, test);
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
