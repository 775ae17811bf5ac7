package org.nnplayground.playground.session;

import org.nnplayground.playground.link.PlaygroundLink;

import java.util.Random;

/**
 * A short run of the hot paths before the server says it is ready: TF-exact epochs with their
 * losses and frames (grids, thumbnails, prediction coding, DEFLATE) of small and large networks,
 * so that the JIT compiles them at start instead of during the first minute of a class.
 */
public final class Warmup {
    private Warmup() {}

    /** Links warmed and the epochs (each followed by a frame) each gets: small networks often, the book network a little. */
    private static final String[][] RUNS = {
        {"activation=tanh&batchSize=10&dataset=circle&learningRate=0.03&regularizationRate=0&noise=0&networkShape=4,2&seed=0.12345&percTrainData=50&x=true&y=true&problem=classification", "600"},
        {"activation=relu&regularization=L2&batchSize=10&dataset=spiral&learningRate=0.03&regularizationRate=0.001&noise=0&networkShape=8,8,8,8,8,8&seed=0.12345&percTrainData=50&x=true&y=true&xTimesY=true&xSquared=true&ySquared=true&sinX=true&sinY=true&problem=classification", "150"},
        {"activation=tanh&batchSize=1&dataset=xor&learningRate=0.03&noise=0&networkShape=8,8,8&seed=0.12345&percTrainData=50&x=true&y=true&problem=classification", "60"},
        {"activation=tanh&batchSize=30&regDataset=reg-gauss&learningRate=0.01&noise=0&networkShape=8,8,8,8&seed=0.12345&percTrainData=50&x=true&y=true&problem=regression", "60"},
        {"activation=relu&batchSize=10&dataset=circle&learningRate=0.01&networkShape=128,64&seed=0.12345&percTrainData=50&x=true&y=true&problem=classification", "4"},
    };

    /**
     * Trains and frames each warm-up run, stopping early after {@code limitMillis} of wall time (a
     * busy machine must not hold the start back for long); returns what it did, for the log.
     */
    public static String run(int evalSize, long limitMillis) {
        long start = System.nanoTime();
        long deadline = start + limitMillis * 1_000_000;
        int n = RUNS.length;
        TrainingRun[] runs = new TrainingRun[n];
        FrameBuilder[] builders = new FrameBuilder[n];
        LossHistory history = new LossHistory();
        int[] left = new int[n];
        for (int i = 0; i < n; i++) {
            runs[i] = TrainingRun.create(PlaygroundLink.parse(RUNS[i][0], new Random(1)).settings(), null);
            builders[i] = new FrameBuilder(runs[i], evalSize);
            left[i] = Integer.parseInt(RUNS[i][1]);
        }
        // round robin, so that a warm-up cut short has still warmed every path a little
        int frames = 0;
        for (boolean more = true; more && System.nanoTime() < deadline; ) {
            more = false;
            for (int i = 0; i < n && System.nanoTime() < deadline; i++) {
                if (left[i] == 0) continue;
                history.add(runs[i].trainer().trainEpoch());
                builders[i].build(runs[i].network(), runs[i].trainer().lastStats(), history, builders[i].nodeCount() - 1);
                history.clear();
                frames++;
                more |= --left[i] > 0;
            }
        }
        return "warm-up: " + frames + " epochs and frames in " + (System.nanoTime() - start) / 1_000_000 + " ms";
    }
}
