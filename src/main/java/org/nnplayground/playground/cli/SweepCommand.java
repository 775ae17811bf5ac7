package org.nnplayground.playground.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.nnplayground.playground.session.TrainingRun;
import org.nnplayground.playground.sweep.Sweep;
import org.nnplayground.playground.sweep.SweepPlan;
import org.nnplayground.playground.sweep.SweepRow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sweep '<link>' --vary key=v1,v2 [--vary ...] [--epochs N] [--seeds S] [--target T] [--csv F] [--label C] [--jsonl]}:
 * trains every combination and prints a table sorted by test loss (or one JSON object per run).
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Train every combination of up to three settings' values (a grid search, as Keras Tuner does) "
                + "and print a table sorted by test loss; each row's link reproduces it with 'train'."})
public final class SweepCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final PrintStream out;
    private final PrintStream err;

    @Mixin
    RunOptions source = new RunOptions();

    @Option(names = "--vary", paramLabel = "KEY=V1,V2,...", required = true,
            description = {"a setting and its values, up to 3 times; a shape's commas are written as colons (networkShape=4:4,2:8,8);",
                    "hiddenLayers=1,2,3 and neurons=2,4,8 rewrite the shape"})
    List<String> vary = new ArrayList<>();

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "100", description = "epochs per training, 1 to " + SweepPlan.MAX_EPOCHS + " (default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--seeds", paramLabel = "S", defaultValue = "1",
            description = "seeds per combination, 1 to " + SweepPlan.MAX_SEEDS + ": the link's seed, then <seed>_2, ... (default: ${DEFAULT-VALUE})")
    int seeds;

    @Option(names = "--target", paramLabel = "T", defaultValue = "0.9",
            description = "the test accuracy (or R^2) whose first epoch the table reports (default: ${DEFAULT-VALUE})")
    double target;

    @Option(names = "--jsonl", description = "one JSON object per training instead of the table")
    boolean jsonl;

    SweepCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Parses {@code args} and sweeps. */
    public static void run(String[] args, PrintStream out, PrintStream err) throws Exception {
        Cli.run(new SweepCommand(out, err), args, out, err);
    }

    @Override
    public Integer call() throws Exception {
        SweepPlan plan = SweepPlan.parse(vary, epochs, seeds, target);
        TrainingRun base = source.load(err);
        Sweep sweep = new Sweep(plan, base.settings(), base.uploaded());
        long start = System.nanoTime();
        List<SweepRow> rows = sweep.runAll();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (jsonl) {
            for (SweepRow r : rows) out.println(JSON.writeValueAsString(r));
        } else {
            printTable(out, plan, sweep.metricName(), rows);
            out.printf(Locale.ROOT, "%d runs x %d epochs in %.2f s%n", rows.size(), plan.epochs(), seconds);
        }
        out.flush();
        return 0;
    }

    /** Best first: lowest test loss (training loss without test data). */
    static void printTable(PrintStream out, SweepPlan plan, String metric, List<SweepRow> rows) {
        List<SweepRow> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingDouble(r -> r.lossTest() != null ? r.lossTest() : r.lossTrain()));
        StringBuilder head = new StringBuilder();
        for (SweepPlan.Axis axis : plan.axes()) head.append(String.format(Locale.ROOT, "%-16s", axis.key()));
        String m = metric == null ? "metric" : metric;
        head.append(String.format(Locale.ROOT, "%-12s%10s%10s%13s%13s%10s  %s", "seed", "loss", "val_loss", m, "val_" + m, "to " + plan.target(), "link"));
        out.println(head);
        for (SweepRow r : sorted) {
            StringBuilder line = new StringBuilder();
            for (SweepPlan.Axis axis : plan.axes()) line.append(String.format(Locale.ROOT, "%-16s", r.values().get(axis.key())));
            line.append(String.format(Locale.ROOT, "%-12s%10.4f%10s%13s%13s%10s  %s", r.seed(), r.lossTrain(), fmt(r.lossTest()),
                    fmt(r.metricTrain()), fmt(r.metricTest()), r.epochsToTarget() == null ? "-" : r.epochsToTarget().toString(), r.link()));
            if (r.note() != null) line.append("  (").append(r.note()).append(')');
            out.println(line);
        }
    }

    private static String fmt(Double v) { return v == null ? "-" : String.format(Locale.ROOT, "%.4f", v); }
}
