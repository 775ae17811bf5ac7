package org.nnplayground.playground.session;

import org.nnplayground.playground.link.PlaygroundLink;

import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.Random;

/**
 * Benchmark (not a test): bytes and build time of one frame for the peer configurations after
 * 200 epochs of training, in CPU time. Run by scripts/frame-bench.sh [EVAL_SIZE] [C1|C2|BOOK].
 */
public final class FrameBench {
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    private FrameBench() {}

    public static void main(String[] args) {
        int evalSize = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        String[][] configs = {
            {"C1", "activation=tanh&batchSize=10&dataset=circle&learningRate=0.03&regularizationRate=0&noise=0&networkShape=4,2&seed=0.12345&percTrainData=50&x=true&y=true&problem=classification"},
            {"C2", "activation=relu&regularization=L2&batchSize=10&dataset=spiral&learningRate=0.03&regularizationRate=0.001&noise=0&networkShape=8,8,8,8,8,8&seed=0.12345&percTrainData=50&x=true&y=true&xTimesY=true&xSquared=true&ySquared=true&sinX=true&sinY=true&problem=classification"},
            {"BOOK", "activation=relu&batchSize=10&dataset=circle&learningRate=0.01&networkShape=128,64&seed=0.12345&percTrainData=50&x=true&y=true&problem=classification"},
        };
        for (String[] c : configs) {
            if (args.length > 1 && !args[1].equals(c[0])) continue;
            TrainingRun run = TrainingRun.create(PlaygroundLink.parse(c[1], new Random(1)).settings(), null);
            for (int e = 0; e < 200; e++) run.trainer().trainEpoch();
            FrameBuilder frames = new FrameBuilder(run, evalSize);
            LossHistory history = new LossHistory();
            history.add(run.trainer().lastStats());
            int output = frames.nodeCount() - 1;
            ByteBuffer frame = frames.build(run.network(), run.trainer().lastStats(), history, output);
            int warm = c[0].equals("BOOK") ? 100 : 2000;
            for (int i = 0; i < warm; i++) frames.build(run.network(), run.trainer().lastStats(), history, output);
            // CPU time of this thread: the figures hold on a machine busy with other work
            int n = warm * 5 / 2;
            long t = CPU.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) frames.build(run.network(), run.trainer().lastStats(), history, output);
            double us = (CPU.getCurrentThreadCpuTime() - t) / 1e3 / n;
            int epochs = warm / 4;
            long e0 = CPU.getCurrentThreadCpuTime();
            for (int i = 0; i < epochs; i++) run.trainer().trainEpoch();
            double epochUs = (CPU.getCurrentThreadCpuTime() - e0) / 1e3 / epochs;
            System.out.printf(Locale.ROOT, "%s  frame %d bytes, built in %.0f us (grid eval %dx%d); one epoch with its losses %.0f us%n",
                    c[0], frame.remaining(), us, evalSize, evalSize, epochUs);
        }
    }
}
