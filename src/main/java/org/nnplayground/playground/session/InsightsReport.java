package org.nnplayground.playground.session;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import org.nnplayground.playground.nn.ConfusionMatrix;
import org.nnplayground.playground.nn.EarlyStopping;
import org.nnplayground.playground.nn.GradientStats;
import org.nnplayground.playground.nn.Metrics;
import org.nnplayground.playground.nn.Trainer;
import org.nnplayground.playground.nn.TrainingData;

/**
 * The course views' data (docs/protocol.md, message {@code insights}): confusion matrices for
 * classification, predicted-vs-actual points for regression, each layer's mean |gradient| per epoch,
 * and early stopping's best epoch.
 *
 * @param confusionTrain row = actual class, column = predicted (null for regression)
 * @param predTrain      [actual, predicted] pairs, at most {@link #MAX_POINTS} (null for classification)
 * @param gradients      null until gradient statistics exist
 * @param bestEpoch      early stopping's best epoch, or null when it is off
 */
public record InsightsReport(int epoch, String problem, List<String> classNames,
                             int[][] confusionTrain, int[][] confusionTest,
                             List<double[]> predTrain, List<double[]> predTest, Double r2Train, Double r2Test,
                             Gradients gradients, double learningRate, Integer bestEpoch) {

    /** Most predicted-vs-actual points sent per set (every k-th point beyond). */
    public static final int MAX_POINTS = 400;

    /** Per-layer mean |dLoss/dW| history: epochs, then one series per layer (layer 1 first). */
    public record Gradients(List<Integer> epochs, List<double[]> layers) {
        static Gradients of(GradientStats stats) {
            List<GradientStats.Point> points = stats.history();
            if (points.isEmpty()) return null;
            List<Integer> epochs = new ArrayList<>(points.size());
            List<double[]> layers = new ArrayList<>();
            for (int l = 0; l < stats.layers(); l++) layers.add(new double[points.size()]);
            for (int i = 0; i < points.size(); i++) {
                epochs.add(points.get(i).epoch());
                for (int l = 0; l < stats.layers(); l++) layers.get(l)[i] = round(points.get(i).meanAbs()[l]);
            }
            return new Gradients(epochs, layers);
        }
    }

    static InsightsReport of(TrainingRun run) {
        Trainer t = run.trainer();
        TrainingData train = t.trainData();
        TrainingData test = t.testData();
        boolean classes = train.numClasses() > 0;
        var out = run.spec().outputActivation();
        int[][] cTrain = classes ? ConfusionMatrix.of(train, t::predict, out).counts() : null;
        int[][] cTest = classes && !test.isEmpty() ? ConfusionMatrix.of(test, t::predict, out).counts() : null;
        Metrics mTrain = t.lastStats().train();
        Metrics mTest = t.lastStats().test();
        EarlyStopping stop = t.earlyStopping();
        return new InsightsReport(t.epoch(), run.split().source().problem().key(), run.split().source().classNames(),
                cTrain, cTest, classes ? null : pairs(t, train), classes || test.isEmpty() ? null : pairs(t, test),
                mTrain == null ? null : mTrain.r2(), mTest == null ? null : mTest.r2(),
                t.gradientStats() == null ? null : Gradients.of(t.gradientStats()),
                t.currentLearningRate(), stop == null ? null : stop.bestEpoch());
    }

    private static List<double[]> pairs(Trainer t, TrainingData data) {
        int stride = Math.max(1, (data.size() + MAX_POINTS - 1) / MAX_POINTS);
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < data.size(); i += stride) {
            points.add(new double[] {round(data.labels()[i]), round(t.predict(data.inputs()[i])[0])});
        }
        return points;
    }

    /** Five significant digits are plenty for a chart and keep the JSON small. */
    private static double round(double v) {
        if (v == 0 || !Double.isFinite(v)) return Double.isFinite(v) ? 0 : v;
        return new BigDecimal(v).round(new MathContext(5)).doubleValue();
    }
}
