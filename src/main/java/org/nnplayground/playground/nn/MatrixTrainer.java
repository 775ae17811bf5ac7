package org.nnplayground.playground.nn;

import java.util.function.Supplier;

/**
 * A {@link Trainer}'s epochs for big inputs (images): mini-batches through {@link MatrixPropagation},
 * advanced in pieces until a deadline so that an epoch spreads over many scheduler turns. A piece is
 * one block of at most {@link #MAX_BLOCK_WORK} parameters x samples (a whole mini-batch when it fits;
 * a bigger batch adds up its blocks' gradients before its one update), then the test set in blocks.
 * Training figures are the epoch's running ones (with dropout, as Keras reports them); test figures
 * are measured after the epoch. Samples are shuffled with the trainer's own stream, as per sample.
 */
public final class MatrixTrainer {
    /** Parameters x samples of one piece: a piece cannot be cut, so it is kept a small part of a turn. */
    static final long MAX_BLOCK_WORK = 4_000_000L;

    /** How far the current epoch is: for the page's progress while an epoch trains. */
    public record Progress(int epoch, int batchesDone, int batches, int samplesDone, int samples,
                           double runningLoss, Double runningAccuracy, boolean testing) {}

    private final Network net;
    private final TrainingData train;
    private final TrainingData test;
    private final int[] order;
    private final SplitMix random;
    private final Gradients gradients;
    private final Supplier<TrainingConfig> config;
    private final Runnable shuffle;
    private final Runnable update;
    private final MatrixPropagation prop;
    // the epoch in progress
    private boolean started;
    private int position;
    private int inBatch;
    private int batchesDone;
    private double lossSum;
    private int correct;
    private int testPosition;
    private double testLossSum;
    private int testCorrect;
    /** The class predicted for each test sample in the last finished epoch's test pass (null before the first). */
    private int[] testPredicted;
    private final int[] predicting;
    private long samplesPassed;

    MatrixTrainer(Network net, TrainingData train, TrainingData test, int[] order, SplitMix random, Gradients gradients,
                 Supplier<TrainingConfig> config, Runnable shuffle, Runnable update) {
        this.net = net;
        this.train = train;
        this.test = test;
        this.order = order;
        this.random = random;
        this.gradients = gradients;
        this.config = config;
        this.shuffle = shuffle;
        this.update = update;
        this.prop = new MatrixPropagation(net, blockRows(net.spec()));
        this.predicting = new int[test.size()];
    }

    /** Samples per piece for this network: as many as {@link #MAX_BLOCK_WORK} allows, 1 to 256. */
    static int blockRows(NetworkSpec spec) {
        return (int) Math.max(1, Math.min(256, MAX_BLOCK_WORK / Math.max(1, spec.parameterCount())));
    }

    /** Works in pieces until {@code deadlineNanos} (at least one piece); true when the epoch (test figures included) is done. */
    boolean advance(long deadlineNanos) {
        do {
            if (piece()) return true;
        } while (System.nanoTime() < deadlineNanos);
        return false;
    }

    /** One piece of the epoch; true when the epoch is done. */
    private boolean piece() {
        TrainingConfig c = config.get();
        int n = train.size();
        if (position < n) {
            if (!started) {
                shuffle.run();
                started = true;
            }
            int rows = Math.min(Math.min(prop.capacity(), Math.max(1, c.batchSize() - inBatch)), n - position);
            prop.forward(train.inputs(), order, position, rows, c.dropout(), random);
            samplesPassed += rows;
            lossSum += prop.lossSum(train.targets(), order, position, c.loss());
            if (train.numClasses() > 0) correct += prop.correct(train.labels(), train.numClasses(), order, position);
            prop.backward(train.targets(), order, position, c.loss(), gradients);
            position += rows;
            inBatch += rows;
            if (inBatch >= c.batchSize() || position == n) {
                update.run(); // a partial last batch is applied, as Keras does
                inBatch = 0;
                batchesDone++;
            }
            return false;
        }
        if (testPosition < test.size()) {
            int rows = Math.min(prop.capacity(), test.size() - testPosition);
            prop.forward(test.inputs(), null, testPosition, rows, 0, null);
            samplesPassed += rows;
            testLossSum += prop.lossSum(test.targets(), null, testPosition, c.loss());
            if (test.numClasses() > 0) testCorrect += prop.correct(test.labels(), test.numClasses(), null, testPosition, predicting);
            testPosition += rows;
            if (testPosition < test.size()) return false;
        }
        if (test.numClasses() > 0) testPredicted = predicting.clone();
        return true;
    }

    /** The finished epoch's running training figures. */
    Metrics trainFigures() { return figures(lossSum, correct, train); }

    /** The finished epoch's test figures, or null without test data. */
    Metrics testFigures() { return test.isEmpty() ? null : figures(testLossSum, testCorrect, test); }

    /** The class each test sample got in the last epoch's test pass (a copy), or null before the first epoch ends. */
    public int[] testPredictions() { return testPredicted == null ? null : testPredicted.clone(); }

    /** Forgets the epoch in progress (after an epoch, a restore or new weights): the next piece starts a new one. */
    void restart() {
        started = false;
        position = 0;
        inBatch = 0;
        batchesDone = 0;
        lossSum = 0;
        correct = 0;
        testPosition = 0;
        testLossSum = 0;
        testCorrect = 0;
    }

    /** True while an epoch has begun and not finished. */
    public boolean midEpoch() { return started; }

    /** Where the epoch in progress stands ({@code epoch}: the one being trained). */
    public Progress progress(int epoch) {
        int n = train.size();
        int batch = config.get().batchSize();
        int batches = (n + batch - 1) / batch;
        double loss = position == 0 ? Double.NaN : lossSum / position;
        Double accuracy = train.numClasses() > 0 && position > 0 ? (double) correct / position : null;
        return new Progress(epoch, batchesDone, batches, position, n, loss, accuracy, position == n && started);
    }

    /** Loss and accuracy of the network now on {@code data}, block by block, no dropout (R^2 for regression). */
    Metrics metrics(TrainingData data) {
        BlockFigures figures = new BlockFigures(data);
        while (!figures.done()) measure(figures);
        return figures.result();
    }

    /** Passes one block of {@code figures}' data; true when its pass is done. */
    boolean measure(BlockFigures figures) {
        samplesPassed += figures.next(prop, config.get().loss());
        return figures.done();
    }

    /** Samples passed forward so far (training pieces, test passes, figures): what a turn's work is counted in. */
    public long samplesPassed() { return samplesPassed; }

    /** Samples of one piece: the most a piece passes forward. */
    public int samplesPerPiece() { return prop.capacity(); }

    private static Metrics figures(double lossSum, int correct, TrainingData data) {
        int n = Math.max(1, data.size());
        return new Metrics(lossSum / n, data.numClasses() > 0 ? (double) correct / n : null, null);
    }
}
