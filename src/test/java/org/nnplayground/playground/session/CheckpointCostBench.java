package org.nnplayground.playground.session;

import org.nnplayground.playground.codec.RunSnapshotCodec;
import org.nnplayground.playground.link.PlaygroundLink;

import java.util.Locale;
import java.util.Random;

/**
 * Benchmark (not a test): what one checkpoint costs (docs/benchmarks.md, "Checkpoints"): the copy
 * on the trainer thread ({@link RunSnapshot#capture}, the only part a session pays) and the encoding
 * on the checkpoint writer's thread, for a C1 run and the largest networks, with 1,000 epochs of
 * chart. Run: {@code java -cp target/test-classes:target/classes:$(deps) ...CheckpointCostBench}.
 */
public final class CheckpointCostBench {
    /** About 100,000 parameters with Adam (two more arrays of that size to copy). */
    static final String BIGGEST_ADAM = "networkShape=256,256,128&optimizer=adam&batchSize=10&percTrainData=20&seed=0.1";

    /** The load benchmark's small run (bench/LoadBench.C1). */
    static final String C1 = "activation=tanh&batchSize=10&dataset=circle&learningRate=0.03&regularizationRate=0&noise=0&networkShape=4,2&seed=0.12345&percTrainData=50&x=true&y=true&problem=classification";

    private CheckpointCostBench() {}

    public static void main(String[] args) {
        for (String link : new String[] {C1, WorkCostBench.WIDE, BIGGEST_ADAM}) {
            TrainingRun run = TrainingRun.create(PlaygroundLink.parse(link, new Random(1)).settings(), null);
            RunHistory history = new RunHistory();
            history.add(run.trainer().lastStats());
            var last = run.trainer().trainEpoch();
            history.add(last);
            // 1,000 epochs of chart (the figures repeated: only the history's size matters here)
            for (int e = 2; e <= 1000; e++) history.add(new org.nnplayground.playground.nn.EpochStats(e, last.train(), last.test(), null));
            int rounds = run.spec().parameterCount() < 1000 ? 20_000 : 200;
            long captureNs = 0, encodeNs = 0, bytes = 0;
            for (int round = 0; round < 2; round++) { // the first round warms the JIT up
                captureNs = 0;
                encodeNs = 0;
                for (int i = 0; i < rounds; i++) {
                    long t0 = System.nanoTime();
                    RunSnapshot s = RunSnapshot.capture(run, history);
                    long t1 = System.nanoTime();
                    if (i % 10 == 0) {
                        bytes = RunSnapshotCodec.encode(s).length;
                        encodeNs += System.nanoTime() - t1;
                    }
                    captureNs += t1 - t0;
                }
            }
            long l0 = System.nanoTime();
            for (int i = 0; i < rounds; i++) if (run.settings().toHash().isEmpty()) throw new AssertionError();
            System.out.printf(Locale.ROOT, "  (of which the link: %.1f us)%n", (System.nanoTime() - l0) / 1e3 / rounds);
            System.out.printf(Locale.ROOT, "%-60s %7d parameters: capture %8.1f us (trainer thread), encode %8.1f us (writer), %8d bytes%n",
                    link.length() > 60 ? link.substring(0, 57) + "..." : link, run.spec().parameterCount(),
                    captureNs / 1e3 / rounds, encodeNs / 1e3 / (rounds / 10.0), bytes);
        }
    }
}
