package org.nnplayground.playground.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.nnplayground.playground.session.TrainingRun;
import org.nnplayground.playground.sweep.Sweep;
import org.nnplayground.playground.sweep.SweepPlan;
import org.nnplayground.playground.sweep.SweepRow;

/**
 * {@code sweep '<link>' --vary key=v1,v2 [--vary ...] [--epochs N] [--seeds S] [--target T] [--csv F] [--label C] [--jsonl]}:
 * trains every combination and prints a table sorted by test loss (or one JSON object per run).
 */
public final class SweepCommand {
    static final String USAGE = "sweep '<link>' --vary learningRate=0.003,0.01,0.03 --vary networkShape=4:4,2:8,8 "
            + "[--epochs N] [--seeds S] [--target T] [--csv FILE] [--label COLUMN] [--jsonl]";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SweepCommand() {}

    public static void run(String[] args, PrintStream out, PrintStream err) throws Exception {
        List<String> varies = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--vary")) {
                if (i + 1 >= args.length) throw new IllegalArgumentException("--vary needs key=value1,value2,...");
                varies.add(args[++i]);
            } else if (args[i].startsWith("--vary=")) {
                varies.add(args[i].substring("--vary=".length()));
            } else {
                rest.add(args[i]);
            }
        }
        CliArgs a = CliArgs.parse(rest.toArray(String[]::new), Set.of("jsonl"), Set.of("epochs", "seeds", "target", "csv", "label"));
        if (a.positionals().size() != 1 || varies.isEmpty()) throw new IllegalArgumentException("usage: " + USAGE);
        double target = parseTarget(a.get("target", null));
        SweepPlan plan = SweepPlan.parse(varies, a.intOption("epochs", 100, 1, SweepPlan.MAX_EPOCHS),
                a.intOption("seeds", 1, 1, SweepPlan.MAX_SEEDS), target);
        TrainingRun base = RunLoader.load(a.positionals().get(0), a.get("csv", null), a.get("label", null), err);
        Sweep sweep = new Sweep(plan, base.settings(), base.uploaded());
        long start = System.nanoTime();
        List<SweepRow> rows = sweep.runAll();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (a.has("jsonl")) {
            for (SweepRow r : rows) out.println(JSON.writeValueAsString(r));
        } else {
            printTable(out, plan, sweep.metricName(), rows);
            out.printf(Locale.ROOT, "%d runs x %d epochs in %.2f s%n", rows.size(), plan.epochs(), seconds);
        }
        out.flush();
    }

    private static double parseTarget(String text) {
        if (text == null) return SweepPlan.DEFAULT_TARGET;
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--target must be a number in (0, 1] (got '" + text + "')");
        }
    }

    /** Best first: lowest test loss (training loss without test data). */
    static void printTable(PrintStream out, SweepPlan plan, String metric, List<SweepRow> rows) {
        List<SweepRow> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingDouble(r -> r.lossTest() != null ? r.lossTest() : r.lossTrain()));
        StringBuilder head = new StringBuilder();
        for (SweepPlan.Axis axis : plan.axes()) head.append(String.format(Locale.ROOT, "%-16s", axis.key()));
        String m = metric == null ? "metric" : metric;
        head.append(String.format(Locale.ROOT, "%-12s%10s%10s%12s%12s%10s  %s", "seed", "loss", "val_loss", m, "val_" + m, "to " + plan.target(), "link"));
        out.println(head);
        for (SweepRow r : sorted) {
            StringBuilder line = new StringBuilder();
            for (SweepPlan.Axis axis : plan.axes()) line.append(String.format(Locale.ROOT, "%-16s", r.values().get(axis.key())));
            line.append(String.format(Locale.ROOT, "%-12s%10.4f%10s%12s%12s%10s  %s", r.seed(), r.lossTrain(), fmt(r.lossTest()),
                    fmt(r.metricTrain()), fmt(r.metricTest()), r.epochsToTarget() == null ? "-" : r.epochsToTarget().toString(), r.link()));
            if (r.note() != null) line.append("  (").append(r.note()).append(')');
            out.println(line);
        }
    }

    private static String fmt(Double v) { return v == null ? "-" : String.format(Locale.ROOT, "%.4f", v); }
}
