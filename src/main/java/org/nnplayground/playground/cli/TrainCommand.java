package org.nnplayground.playground.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.nnplayground.playground.nn.EpochStats;
import org.nnplayground.playground.nn.Metrics;
import org.nnplayground.playground.nn.ModelSummary;
import org.nnplayground.playground.session.TrainingRun;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code train '<link>' [--epochs N] [--csv FILE] [--label COLUMN] [--jsonl]}: trains headless and prints each epoch. */
@Command(name = "train", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = {"Train a link's network headless and print a Keras-like line per epoch (the model summary first).",
                "Link values that cannot be used fall back to their defaults with a warning on stderr."})
public final class TrainCommand implements Callable<Integer> {
    private static final int MAX_EPOCHS = 1_000_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final PrintStream out;
    private final PrintStream err;

    @Mixin
    RunOptions source = new RunOptions();

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "100", description = "epochs to train, 0 to " + MAX_EPOCHS + " (default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--jsonl", description = "one JSON object per epoch 0..N instead of progress lines")
    boolean jsonl;

    TrainCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Parses {@code args} and trains. */
    public static void run(String[] args, PrintStream out, PrintStream err) throws Exception {
        Cli.run(new TrainCommand(out, err), args, out, err);
    }

    @Override
    public Integer call() throws Exception {
        if (epochs < 0 || epochs > MAX_EPOCHS) throw new IllegalArgumentException("--epochs must be 0 to " + MAX_EPOCHS + " (got " + epochs + ")");
        TrainingRun run = source.load(err);
        String reason = run.trainer().untrainableReason();
        if (reason != null && epochs > 0) throw new IllegalArgumentException("cannot train: " + reason);
        if (jsonl) {
            out.println(jsonLine(run.trainer().lastStats()));
        } else {
            out.print(run.summary().render(run.spec().inputs()));
            out.println("link: " + run.settings().toHash() + (run.tfExact() ? "  (TF-exact)" : ""));
        }
        var cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int e = 1; e <= epochs; e++) {
            long wall = System.nanoTime();
            long cpuStart = cpu.getCurrentThreadCpuTime();
            EpochStats stats = run.trainer().trainEpoch();
            // wall time counts other processes too; this thread's CPU time is the epoch's own cost
            double seconds = (System.nanoTime() - wall) / 1e9;
            double cpuSeconds = (cpu.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            out.println(jsonl ? jsonLine(stats, seconds, cpuSeconds)
                    : progressLine(stats, epochs) + String.format(Locale.ROOT, " - %.2fs (cpu %.2fs)", seconds, cpuSeconds));
            if (stats.diverged()) throw new IllegalStateException("training diverged: " + stats.divergence());
            if (run.trainer().stoppedEarly()) break;
        }
        out.flush();
        return 0;
    }

    /** One JSON object; doubles print in Java's shortest round-trip form. */
    static String jsonLine(EpochStats s) throws Exception { return jsonLine(s, Double.NaN, Double.NaN); }

    /** One JSON object with the epoch's wall and CPU seconds (left out when NaN: epoch 0). */
    static String jsonLine(EpochStats s, double seconds, double cpuSeconds) throws Exception {
        ObjectNode o = JSON.createObjectNode();
        o.put("epoch", s.epoch());
        o.put("lossTrain", s.train().loss());
        if (s.test() != null) o.put("lossTest", s.test().loss());
        putQuality(o, "Train", s.train());
        if (s.test() != null) putQuality(o, "Test", s.test());
        if (!Double.isNaN(seconds)) o.put("seconds", Math.round(seconds * 1000) / 1000.0).put("cpuSeconds", Math.round(cpuSeconds * 1000) / 1000.0);
        return JSON.writeValueAsString(o);
    }

    private static void putQuality(ObjectNode o, String suffix, Metrics m) {
        if (m.accuracy() != null) o.put("acc" + suffix, m.accuracy());
        if (m.r2() != null) o.put("r2" + suffix, m.r2());
    }

    /** Keras' progress line: "Epoch 3/100 - loss: 0.4831 - accuracy: 0.7720 - val_loss: ...". */
    static String progressLine(EpochStats s, int epochs) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "Epoch %d/%d - loss: %s", s.epoch(), epochs, number(s.train().loss())));
        quality(b, "", s.train());
        if (s.test() != null) {
            b.append(" - val_loss: ").append(number(s.test().loss()));
            quality(b, "val_", s.test());
        }
        return b.toString();
    }

    private static void quality(StringBuilder b, String prefix, Metrics m) {
        if (m.accuracy() != null) b.append(String.format(Locale.ROOT, " - %saccuracy: %.4f", prefix, m.accuracy()));
        if (m.r2() != null) b.append(" - ").append(prefix).append("r2: ").append(number(m.r2()));
    }

    /** 4 decimals like Keras; very large or small numbers as 3 significant digits with a power of ten (2.72e+114). */
    static String number(double v) {
        double abs = Math.abs(v);
        if (Double.isFinite(v) && abs != 0 && (abs >= 1e5 || abs < 1e-4)) return String.format(Locale.ROOT, "%.3g", v);
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
