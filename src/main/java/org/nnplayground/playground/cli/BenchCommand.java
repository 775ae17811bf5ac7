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
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench [--json] [--seconds S]}: TF Playground's peer configurations C1-C4 (shared/PEERS.md):
 * training epochs per second and the time to evaluate a 100x100 grid with every node's output.
 * Each figure is the median of 5 timed rounds after a warm-up; the whole run takes about S seconds.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        // picocli lists a command by its first description line: one whole sentence each
        description = {"Measures this machine on TF Playground's four reference networks, to size a server for a class:",
                "  C1  circle, inputs x1 x2, hidden 4,2, tanh, batch 10 (TF's default page)",
                "  C2  spiral, all 7 features, hidden 8 x 6 layers, relu, L2, batch 10",
                "  C3  xor, inputs x1 x2, hidden 8,8,8, tanh, batch 1",
                "  C4  regression (reg-gauss), hidden 8,8,8,8, tanh, batch 30",
                "For each: training epochs per second on one core, the milliseconds to",
                "evaluate a 100x100 heatmap with every node's output, and what that means",
                "for a class: how many students one core keeps playing at speed 1 (each",
                "costs 60 epochs and 60 heatmaps a second; the server's are 50x50)."})
public final class BenchCommand implements Callable<Integer> {
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

    /** Frames per second a playing student receives at speed 1 (one epoch and one heatmap each). */
    private static final int FRAMES_PER_SECOND = 60;
    /** The server evaluates 50x50 heatmaps (a quarter of this bench's 100x100). */
    private static final double SERVER_GRID_SHARE = 0.25;
    private final PrintStream out;

    @Option(names = "--json", description = "one JSON object instead of the table")
    boolean json;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "4", description = "about how long the whole bench runs, 0.4 to 240 (default: ${DEFAULT-VALUE})")
    double seconds;

    BenchCommand(PrintStream out, PrintStream err) {
        this.out = out;
    }

    /** Figures of one configuration. */
    record Figures(double epochsPerSec, double boundaryMs, double timedSeconds) {
        /** Students one core holds at speed 1: each costs 60 epochs and 60 server-size heatmaps a second. */
        double studentsPerCore() {
            double secondsPerStudent = FRAMES_PER_SECOND / epochsPerSec + FRAMES_PER_SECOND * boundaryMs * SERVER_GRID_SHARE / 1000;
            return 1 / secondsPerStudent;
        }
    }

    /** Parses {@code args} and runs the bench. */
    public static void run(String[] args, PrintStream out, PrintStream err) throws Exception {
        Cli.run(new BenchCommand(out, err), args, out, err);
    }

    @Override
    public Integer call() {
        if (!(seconds >= 0.4 && seconds <= 240)) throw new IllegalArgumentException("--seconds must be 0.4 to 240 (got " + seconds + ")");
        // the time is shared by the 4 configurations, and within each by training and heatmaps
        double perPart = seconds / CONFIGS.size() / 2;
        ObjectNode json = new ObjectMapper().createObjectNode();
        double timed = 0;
        if (!this.json) out.println("config   epochs/s (1 core)   ms per 100x100 heatmap   students per core at speed 1");
        for (var config : CONFIGS.entrySet()) {
            Figures f = measure(config.getValue(), perPart);
            timed += f.timedSeconds();
            if (this.json) {
                ObjectNode o = json.putObject(config.getKey());
                o.put("epochsPerSec", Math.round(f.epochsPerSec()));
                o.put("boundaryMs", Math.round(f.boundaryMs() * 1000) / 1000.0);
                o.put("studentsPerCore", Math.round(f.studentsPerCore()));
            } else {
                out.printf(Locale.ROOT, "%-6s %,19.0f %24.3f %30.0f%n",
                        config.getKey(), f.epochsPerSec(), f.boundaryMs(), f.studentsPerCore());
            }
        }
        if (this.json) {
            json.put("timedSeconds", Math.round(timed * 1000) / 1000.0);
            out.println(json);
        }
        out.flush();
        return 0;
    }

    /** Figures of one configuration within about {@code 2 * seconds}: a fifth warm-up, then 5 rounds, per part. */
    static Figures measure(String link, double seconds) {
        TrainingRun run = TrainingRun.create(PlaygroundLink.parse(link, new Random(1)).settings(), null);
        double[] epochRates = new double[ROUNDS];
        double[] boundary = new double[ROUNDS];
        double round = seconds * 0.8 / ROUNDS;
        long start = System.nanoTime();
        timeEpochs(run, seconds * 0.2); // warm-up
        for (int r = 0; r < ROUNDS; r++) epochRates[r] = timeEpochs(run, round);
        long trained = System.nanoTime() - start;
        GridEvaluator grid = new GridEvaluator(run.spec(), GRID * GRID);
        DMatrixRMaj inputs = GridInputs.shared(run.features(), GRID);
        start = System.nanoTime();
        timeBoundary(run, grid, inputs, seconds * 0.2); // warm-up
        for (int r = 0; r < ROUNDS; r++) boundary[r] = timeBoundary(run, grid, inputs, round);
        long evaluated = System.nanoTime() - start;
        return new Figures(median(epochRates), median(boundary), (trained + evaluated) / 1e9);
    }

    /** Epochs per second over about {@code seconds}. */
    private static double timeEpochs(TrainingRun run, double seconds) {
        long budget = (long) (seconds * 1e9);
        long start = System.nanoTime();
        long n = 0;
        // one epoch at a time: a chunk of them overshoots short budgets on slow networks (nanoTime costs ~25 ns)
        while (System.nanoTime() - start < budget) {
            run.trainer().trainEpochOnly();
            n++;
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
