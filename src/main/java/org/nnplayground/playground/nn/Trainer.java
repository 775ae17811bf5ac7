package org.nnplayground.playground.nn;


/**
 * Trains one network on one data set, an epoch at a time. Not thread-safe: a session owns it.
 * TF-exact mode (see {@link TrainingConfig#tfExact()}) replays TF Playground's oneStep():
 * samples in order, an update whenever (i + 1) % batchSize == 0, leftovers carried over.
 */
public final class Trainer {
    private final Network net;
    private TrainingData train;
    private TrainingData test;
    private final Propagation prop;
    /** The same passes over a chunk of samples at once, with the same numbers (TF-exact epochs, losses). */
    private final BatchPropagation batch;
    private final MetricsPass measurer;
    /** False: every pass one sample at a time (tests compare both). */
    private boolean batched = true;
    private final Gradients gradients;
    private final SplitMix random;
    private int[] order;
    private TrainingConfig config;
    private UpdateRule rule;
    private int epoch;
    private EpochStats last;
    /** Optional extras of the course views; null when off, so they cost nothing then. */
    private GradientStats gradientStats;
    private LearningRateSchedule schedule = LearningRateSchedule.CONSTANT;
    private EarlyStopping earlyStopping;
    private boolean stoppedEarly;
    /** Image runs: EJML mini-batches, an epoch in slices (see {@link #trainSlice}); null = per sample. */
    private final MatrixTrainer batches;
    /**
     * Image runs: the current weights' figures still to measure (training set, then test set), a
     * block at a time ({@link #measureSlice}); null when {@link #last} is up to date. A build or a
     * restore then costs no pass over thousands of images in one turn.
     */
    private BlockFigures pendingTrain;
    private BlockFigures pendingTest;

    public Trainer(Network net, TrainingConfig config, TrainingData train, TrainingData test) {
        this(net, config, train, test, false);
    }

    /** {@code inBatches}: train through {@link MatrixTrainer} (not for TF-exact runs). */
    public Trainer(Network net, TrainingConfig config, TrainingData train, TrainingData test, boolean inBatches) {
        this.net = net;
        this.config = config.validate();
        this.train = train;
        this.test = test;
        this.prop = new Propagation(net);
        this.batch = new BatchPropagation(net);
        this.measurer = new MetricsPass(net, prop, batch);
        this.gradients = new Gradients(net.spec());
        this.random = new SplitMix(config.seed());
        this.order = new int[train.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        this.rule = ruleFor(config);
        if (inBatches && config.tfExact()) throw new IllegalArgumentException("TF-exact runs train sample by sample");
        this.batches = inBatches ? new MatrixTrainer(net, train, test, order, random, gradients, this::config, this::shuffleOrder, this::update) : null;
        checkLossFits(net.spec(), config.loss());
        if (batches != null) measureLater();
        else this.last = new EpochStats(0, metrics(train), test.isEmpty() ? null : metrics(test), null);
    }

    /**
     * The figures of the weights now are measured later: by {@link #measureSlice} in pieces, or at
     * once by the first {@link #lastStats()}. Trainers that go sample by sample measure at once.
     */
    public void measureLater() {
        if (batches == null) {
            last = measure();
            return;
        }
        pendingTrain = new BlockFigures(train);
        pendingTest = new BlockFigures(test);
    }

    /** True while the figures of the weights now are still to be measured (see {@link #measureSlice}). */
    public boolean figuresPending() { return pendingTrain != null; }

    /**
     * Measures the pending figures a block at a time until {@code deadlineNanos} (at least one block);
     * true when they are done ({@link #lastStats()} then has them). The same figures as in one pass.
     */
    public boolean measureSlice(long deadlineNanos) {
        if (pendingTrain == null) return true;
        do {
            if (!pendingTrain.done()) batches.measure(pendingTrain);
            else if (!pendingTest.done()) batches.measure(pendingTest);
            if (pendingTrain.done() && pendingTest.done()) {
                last = stats(pendingTrain.result(), test.isEmpty() ? null : pendingTest.result());
                pendingTrain = null;
                pendingTest = null;
                return true;
            }
        } while (System.nanoTime() < deadlineNanos);
        return false;
    }

    /** Why this network cannot be trained, or null if it can. */
    public String untrainableReason() {
        NetworkSpec s = net.spec();
        if (s.hiddenActivation() == Activation.STEP || s.outputActivation() == Activation.STEP) {
            return "the step function's slope is 0 everywhere, so backpropagation gets no gradient to learn from: "
                    + "set the weights by hand, or choose sigmoid, tanh or relu to train";
        }
        if (train.isEmpty()) return "there is no training data";
        return null;
    }

    /** Runs one epoch and returns its figures; a diverged run refuses to go on until reset. */
    public EpochStats trainEpoch() {
        if (batches != null) return trainSlice(Long.MAX_VALUE);
        trainEpochOnly();
        last = measure();
        return afterEpoch();
    }

    /**
     * Trains until {@code deadlineNanos} (System.nanoTime) and returns the figures when an epoch
     * ended, else null (the epoch goes on at the next call). Runs without batches train a whole epoch.
     */
    public EpochStats trainSlice(long deadlineNanos) {
        if (batches == null) return trainEpoch();
        checkTrainable();
        if (!batches.advance(deadlineNanos)) return null;
        epoch++;
        if (gradientStats != null) gradientStats.endEpoch(epoch);
        Metrics trainFigures = train.numClasses() > 0 ? batches.trainFigures() : batches.metrics(train);
        last = stats(trainFigures, batches.testFigures());
        batches.restart();
        return afterEpoch();
    }

    /** The mini-batch trainer of an image run, or null when this trainer goes sample by sample. */
    public MatrixTrainer batchTrainer() { return batches; }

    /** Where the epoch in progress stands, or null when this trainer trains whole epochs at once. */
    public MatrixTrainer.Progress progress() { return batches == null ? null : batches.progress(epoch + 1); }

    private EpochStats afterEpoch() {
        stoppedEarly = false;
        if (earlyStopping != null && !last.diverged() && earlyStopping.observe(last, net)) {
            earlyStopping.restoreInto(net);
            last = measure();
            stoppedEarly = true;
        }
        return last;
    }

    /** Runs one epoch without computing its figures (benchmarks; {@link #lastStats()} is then stale). */
    public void trainEpochOnly() {
        if (batches != null) {
            trainSlice(Long.MAX_VALUE);
            return;
        }
        checkTrainable();
        if (config.tfExact()) runTfEpoch();
        else runShuffledEpoch();
        epoch++;
        if (gradientStats != null) gradientStats.endEpoch(epoch);
    }

    private void checkTrainable() {
        String reason = untrainableReason();
        if (reason != null) throw new IllegalStateException("cannot train: " + reason);
        if (lastStats().diverged()) throw new IllegalStateException("training diverged; reset the network to go on");
    }

    private void runTfEpoch() {
        if (batched && config.batchSize() > 1) {
            runTfEpochBatched();
            return;
        }
        int size = config.batchSize();
        double[][] inputs = train.inputs();
        double[][] targets = train.targets();
        LossKind loss = config.loss();
        // an update whenever (i + 1) % size == 0, counted without a division
        for (int i = 0, inBatch = 0; i < inputs.length; i++) {
            prop.predict(inputs[i]);
            prop.backward(targets[i], loss, gradients);
            if (++inBatch == size) {
                update();
                inBatch = 0;
            }
        }
    }

    /** The same epoch, each batch's samples passed together (in chunks when a batch is longer than one). */
    private void runTfEpochBatched() {
        int size = config.batchSize();
        double[][] inputs = train.inputs();
        double[][] targets = train.targets();
        LossKind loss = config.loss();
        for (int start = 0; start < inputs.length; start += size) {
            int end = Math.min(inputs.length, start + size);
            for (int from = start; from < end; from += batch.capacity()) {
                int count = Math.min(batch.capacity(), end - from);
                batch.forward(inputs, from, count);
                batch.backward(targets, from, loss, gradients);
            }
            if (end - start == size) update(); // a last partial batch waits for the next epoch, as in TF
        }
    }

    private void runShuffledEpoch() {
        shuffleOrder();
        for (int k : order) {
            prop.forwardTraining(train.inputs()[k], config.dropout(), random);
            prop.backward(train.targets()[k], config.loss(), gradients);
            if (gradients.count == config.batchSize()) update();
        }
        update(); // a partial last batch is applied, as Keras does
    }

    private void update() {
        if (gradientStats != null) gradientStats.add(gradients);
        double lr = schedule.rate(config.learningRate(), epoch);
        rule.apply(net, gradients, lr, config.regularization(), config.regularizationRate());
        gradients.clear();
    }

    private void shuffleOrder() {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    private EpochStats measure() {
        return stats(metrics(train), test.isEmpty() ? null : metrics(test));
    }

    private EpochStats stats(Metrics trainMetrics, Metrics testMetrics) {
        String divergence = null;
        if (!Double.isFinite(trainMetrics.loss()) || !net.isFinite()) {
            divergence = "At epoch " + epoch + " the "
                    + (net.isFinite() ? "loss" : "weights") + " became NaN or infinite. Try a lower learning rate (now "
                    + config.learningRate() + "), fewer layers, or a different activation, then reset.";
        }
        return new EpochStats(epoch, trainMetrics, testMetrics, divergence);
    }

    /** Loss, accuracy (classification) or R^2 (regression) of the current network on {@code data}. */
    public Metrics metrics(TrainingData data) {
        if (batches != null) return batches.metrics(data);
        return measurer.of(data, config.loss(), batched);
    }

    /** Chooses batched passes (the default) or one sample at a time; both give the same numbers. */
    void batchedPasses(boolean on) { batched = on; }

    /** The figures after the last epoch (epoch 0: before training). */
    public EpochStats lastStats() {
        measureSlice(Long.MAX_VALUE);
        return last;
    }

    /** Recomputes the figures now, e.g. after a weight was edited. */
    public EpochStats refreshStats() {
        pendingTrain = null;
        pendingTest = null;
        return last = measure();
    }

    public int epoch() { return epoch; }

    public Network network() { return net; }

    /** The training samples. */
    public TrainingData trainData() { return train; }

    /** The test samples (may be empty). */
    public TrainingData testData() { return test; }

    /** Starts (or, with false, stops) collecting each layer's mean |gradient| per epoch. */
    public void collectGradients(boolean on) {
        if (on && gradientStats == null) gradientStats = new GradientStats(net.spec());
        else if (!on) gradientStats = null;
    }

    /** The gradient statistics, or null when not collected. */
    public GradientStats gradientStats() { return gradientStats; }

    /** The learning-rate schedule (CONSTANT: the rate as set). */
    public void schedule(LearningRateSchedule s) { schedule = s == null ? LearningRateSchedule.CONSTANT : s; }

    /** The learning rate the next update uses. */
    public double currentLearningRate() { return schedule.rate(config.learningRate(), epoch); }

    /** Stops training when the test loss has not improved for {@code patience} epochs (0 = never). */
    public void earlyStopping(int patience) { earlyStopping = patience > 0 ? new EarlyStopping(patience) : null; }

    /** The early stopping watch, or null when off. */
    public EarlyStopping earlyStopping() { return earlyStopping; }

    /** True when the last epoch ended in an early stop (the best weights are back in the network). */
    public boolean stoppedEarly() { return stoppedEarly; }

    public TrainingConfig config() { return config; }

    /**
     * Trains on other samples from now on (a drawing that changes point by point as it trains): the
     * weights, the optimizer's state, the epoch and the generators go on; the figures are those of
     * the new samples. Sample-by-sample runs only (an image run's mini-batches keep their data).
     */
    public void replaceData(TrainingData nextTrain, TrainingData nextTest) {
        if (batches != null) throw new IllegalStateException("an image run's data cannot change while it trains");
        if (config.tfExact()) throw new IllegalStateException("a TF-exact run trains on TF's data only");
        train = nextTrain;
        test = nextTest;
        order = new int[train.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        // no samples, no figures: NaN would read as a diverged run
        last = train.isEmpty() ? new EpochStats(epoch, metrics(train), test.isEmpty() ? null : metrics(test), null) : measure();
    }

    /** Changes learning rate, regularization or batch size without touching the weights. */
    public void reconfigure(TrainingConfig next) {
        boolean newRule = next.optimizer() != config.optimizer() || next.tfExact() != config.tfExact();
        config = next.validate();
        if (newRule) rule = ruleFor(config);
    }

    /** A copy of everything training changes (see {@link TrainerState}); the trainer is untouched. */
    public TrainerState state() { return TrainerState.capture(epoch, net, gradients, random, order, rule); }

    /** Puts back a state taken from a trainer with the same network shape and optimizer; figures are recomputed. */
    public void restore(TrainerState s) {
        s.restoreInto(net, gradients, random, order, rule);
        epoch = s.epoch();
        if (batches != null) batches.restart();
        measureLater();
    }

    /** Output of every node of layer l for one input (layer 0 = the input itself). */
    public double[] layerOutputs(double[] input, int l) {
        prop.predict(input);
        return prop.layerOutput(l).clone();
    }

    /** Network output for one input (a fresh array). */
    public double[] predict(double[] input) { return prop.predict(input).clone(); }

    private UpdateRule ruleFor(TrainingConfig c) {
        return c.optimizer() == OptimizerKind.SGD ? new SgdRule() : new AdaptiveRule(net.spec(), Optimizer.of(c.optimizer()));
    }

    /** Refuses an output layer and loss that do not go together (softmax with cross-entropy, log loss with one sigmoid unit). */
    public static void checkLossFits(NetworkSpec spec, LossKind loss) {
        boolean softmax = spec.outputActivation() == Activation.SOFTMAX;
        if (softmax != (loss == LossKind.CROSS_ENTROPY)) {
            throw new IllegalArgumentException("softmax output and cross-entropy loss go together (got "
                    + spec.outputActivation().key() + " output with " + loss.key() + " loss)");
        }
        if (loss == LossKind.LOG_LOSS && (spec.outputActivation() != Activation.SIGMOID || spec.outputs() != 1)) {
            throw new IllegalArgumentException("log loss needs one sigmoid output unit");
        }
    }
}
