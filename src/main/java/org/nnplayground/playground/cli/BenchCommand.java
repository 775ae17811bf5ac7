package org.nnplayground.playground.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ejml.data.DMatrixRMaj;
import org.nnplayground.playground.link.PlaygroundLink;
import org.nnplayground.playground.nn.GridEvaluator;
import org.nnplayground.playground.session.GridInputs;
import org.nnplayground.playground.session.TrainingRun;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * {@code bench [--json] [--seconds S]}: TF Playground's peer configurations C1-C4 (shared/PEERS.md):
 * training epochs per second and the time to evaluate a 100x100 grid with every node's output.
 * Each figure is the median of 5 timed rounds after a warm-up.
 */
public final class BenchCommand {
    /** The peer configurations, as links (PEERS.md). */
    static final Map<String, String> CONFIGS = new LinkedHashMap<>();

    static {
        CONFIGS.put("C1", "activation=tanh&batchSize=10&dataset=circle&learningRate=0.03&regularizationRate=0&noise=0&networkShape=4,2&seed=0.12345&percTrainData=50&x=true&y=true&problem=classification");
        CONFIGS.put("C2", "activation=relu&regularization=L2&batchSize=10&dataset=spiral&learningRate=0.03&regularizationRate=0.001&noise=0&networkShape=8,8,8,8,8,8&seed=0.12345&percTrainData=50&x=true&y=true&xTimesY=true&xSquared=true&ySquared=true&sinX=true&sinY=true&problem=classification");
        CONFIGS.put("C3", "activation=tanh&batchSize=1&dataset=xor&learningRate=0.03&noise=0&networkShape=8,8,8&seed=0.12345&percTrainData=50&x=true&y=true&problem=classification");
        CONFIGS.put("C4", "activation=tanh&batchSize=30&regDataset=reg-gauss&learningRate=0.01&noise=0&networkShape=8,8,8,8&seed=0.12345&percTrainData=50&x=true&y=true&problem=regression");
    }

    private static final int GRID = 100;
    private static final int ROUNDS = 5;

    private BenchCommand() {}

    /** Figures of one configuration. */
    record Figures(double epochsPerSec, double boundaryMs) {}

    public static void run(String[] args, PrintStream out, PrintStream err) throws Exception {
        CliArgs a = CliArgs.parse(args, Set.of("json"), Set.of("seconds"));
        double seconds = a.intOption("seconds", 1, 1, 60);
        ObjectNode json = new ObjectMapper().createObjectNode();
        for (var config : CONFIGS.entrySet()) {
            Figures f = measure(config.getValue(), seconds);
            if (a.has("json")) {
                ObjectNode o = json.putObject(config.getKey());
                o.put("epochsPerSec", Math.round(f.epochsPerSec()));
                o.put("boundaryMs", Math.round(f.boundaryMs() * 1000) / 1000.0);
            } else {
                out.printf(Locale.ROOT, "%s  %,10.0f epochs/s   %7.3f ms per 100x100 boundary (every node)%n",
                        config.getKey(), f.epochsPerSec(), f.boundaryMs());
            }
        }
        if (a.has("json")) out.println(json);
    }

    static Figures measure(String link, double seconds) {
        TrainingRun run = TrainingRun.create(PlaygroundLink.parse(link, new Random(1)).settings(), null);
        double[] epochRates = new double[ROUNDS];
        double[] boundary = new double[ROUNDS];
        timeEpochs(run, seconds); // warm-up
        for (int r = 0; r < ROUNDS; r++) epochRates[r] = timeEpochs(run, seconds / ROUNDS);
        GridEvaluator grid = new GridEvaluator(run.spec(), GRID * GRID);
        DMatrixRMaj inputs = GridInputs.shared(run.features(), GRID);
        timeBoundary(run, grid, inputs, seconds); // warm-up
        for (int r = 0; r < ROUNDS; r++) boundary[r] = timeBoundary(run, grid, inputs, seconds / ROUNDS);
        return new Figures(median(epochRates), median(boundary));
    }

    /** Epochs per second over about {@code seconds}. */
    private static double timeEpochs(TrainingRun run, double seconds) {
        long budget = (long) (seconds * 1e9);
        long start = System.nanoTime();
        long n = 0;
        while (System.nanoTime() - start < budget) {
            for (int i = 0; i < 50; i++) run.trainer().trainEpochOnly();
            n += 50;
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    /** Milliseconds per evaluation of the whole grid. */
    private static double timeBoundary(TrainingRun run, GridEvaluator grid, DMatrixRMaj inputs, double seconds) {
        long budget = (long) (seconds * 1e9);
        long start = System.nanoTime();
        long n = 0;
        while (System.nanoTime() - start < budget) {
            grid.evaluate(run.network(), inputs);
            n++;
        }
        return (System.nanoTime() - start) / 1e6 / n;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
