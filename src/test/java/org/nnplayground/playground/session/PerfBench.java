package org.nnplayground.playground.session;

import org.ejml.data.DMatrixRMaj;
import org.nnplayground.playground.link.PlaygroundLink;
import org.nnplayground.playground.nn.GridEvaluator;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Benchmark (not a test): the trainer, the boundary and the frame of C1-C4 and the book network,
 * in this thread's CPU time, so that a machine busy with other work inflates the figures less
 * than wall-clock timing would. A fixed warm-up, then the median of 5 rounds. Prints one JSON
 * object (scripts/perf.sh puts it into its own).
 * <p>
 * Usage: PerfBench [SCALE=1] (the work per round; 0.2 for a quick look)
 */
public final class PerfBench {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final int ROUNDS = 5;

    /** The peer configurations (shared/PEERS.md) and the book's 2-128-64-1 network. */
    static final Map<String, String> CONFIGS = new LinkedHashMap<>();

    static {
        CONFIGS.put("C1", "activation=tanh&batchSize=10&dataset=circle&learningRate=0.03&regularizationRate=0&noise=0&networkShape=4,2&seed=0.12345&percTrainData=50&x=true&y=true&problem=classification");
        CONFIGS.put("C2", "activation=relu&regularization=L2&batchSize=10&dataset=spiral&learningRate=0.03&regularizationRate=0.001&noise=0&networkShape=8,8,8,8,8,8&seed=0.12345&percTrainData=50&x=true&y=true&xTimesY=true&xSquared=true&ySquared=true&sinX=true&sinY=true&problem=classification");
        CONFIGS.put("C3", "activation=tanh&batchSize=1&dataset=xor&learningRate=0.03&noise=0&networkShape=8,8,8&seed=0.12345&percTrainData=50&x=true&y=true&problem=classification");
        CONFIGS.put("C4", "activation=tanh&batchSize=30&regDataset=reg-gauss&learningRate=0.01&noise=0&networkShape=8,8,8,8&seed=0.12345&percTrainData=50&x=true&y=true&problem=regression");
        CONFIGS.put("BOOK", "activation=relu&batchSize=10&dataset=circle&learningRate=0.01&networkShape=128,64&seed=0.12345&percTrainData=50&x=true&y=true&problem=classification");
    }

    private PerfBench() {}

    public static void main(String[] args) {
        double scale = args.length > 0 ? Double.parseDouble(args[0]) : 1;
        StringBuilder json = new StringBuilder("{");
        for (var c : CONFIGS.entrySet()) {
            boolean book = c.getKey().equals("BOOK");
            int epochs = Math.max(1, (int) ((book ? 20 : 1000) * scale));
            TrainingRun run = TrainingRun.create(PlaygroundLink.parse(c.getValue(), new Random(1)).settings(), null);
            // epochs per second, training only (as TF Playground's figures)
            double trainUs = median(() -> {
                for (int i = 0; i < epochs; i++) run.trainer().trainEpochOnly();
            }, epochs);
            // an epoch with both losses (what a frame at speed 1 costs before its grids)
            double epochWithLossesUs = median(() -> {
                for (int i = 0; i < epochs; i++) run.trainer().trainEpoch();
            }, epochs);
            GridEvaluator grid = new GridEvaluator(run.spec(), 100 * 100);
            DMatrixRMaj inputs = GridInputs.shared(run.features(), 100);
            int grids = Math.max(1, (int) ((book ? 5 : 100) * scale));
            double boundaryUs = median(() -> {
                for (int i = 0; i < grids; i++) grid.evaluate(run.network(), inputs);
            }, grids);
            FrameBuilder frames = new FrameBuilder(run, 50);
            LossHistory history = new LossHistory();
            history.add(run.trainer().lastStats());
            int output = frames.nodeCount() - 1;
            int builds = Math.max(1, (int) ((book ? 20 : 500) * scale));
            int[] bytes = new int[1];
            double frameUs = median(() -> {
                for (int i = 0; i < builds; i++) bytes[0] = frames.build(run.network(), run.trainer().lastStats(), history, output).remaining();
            }, builds);
            // a frame that carries no thumbnails (a big network's paced frames, but every few)
            int[] bareBytes = new int[1];
            double bareFrameUs = median(() -> {
                for (int i = 0; i < builds; i++) bareBytes[0] = frames.build(run.network(), run.trainer().lastStats(), history, output, false).remaining();
            }, builds);
            if (json.length() > 1) json.append(',');
            json.append(String.format(Locale.ROOT,
                    "\"%s\":{\"epochsPerSec\":%.0f,\"epochWithLossesUs\":%.1f,\"boundaryMs\":%.3f,\"frameBuildUs\":%.1f,\"frameBytes\":%d,"
                            + "\"frameNoThumbsUs\":%.1f,\"frameNoThumbsBytes\":%d}",
                    c.getKey(), 1e6 / trainUs, epochWithLossesUs, boundaryUs / 1000, frameUs, bytes[0], bareFrameUs, bareBytes[0]));
        }
        System.out.println(json.append('}'));
    }

    /** Microseconds of CPU per unit: a warm-up round, then the median of {@link #ROUNDS} rounds of {@code units} units. */
    private static double median(Runnable round, int units) {
        round.run();
        round.run();
        double[] us = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            long t = CPU.getCurrentThreadCpuTime();
            round.run();
            us[r] = (CPU.getCurrentThreadCpuTime() - t) / 1e3 / units;
        }
        Arrays.sort(us);
        return us[ROUNDS / 2];
    }
}
