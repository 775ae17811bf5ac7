package org.nnplayground.playground.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.nnplayground.playground.nn.EpochStats;
import org.nnplayground.playground.nn.Metrics;
import org.nnplayground.playground.nn.ModelSummary;
import org.nnplayground.playground.session.TrainingRun;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Set;

/** {@code train '<link>' [--epochs N] [--csv FILE] [--label COLUMN] [--jsonl]}: trains headless and prints each epoch. */
public final class TrainCommand {
    static final String USAGE = "train '<link or URL>' [--epochs N] [--csv FILE] [--label COLUMN] [--jsonl]";
    private static final int MAX_EPOCHS = 1_000_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private TrainCommand() {}

    public static void run(String[] args, PrintStream out, PrintStream err) throws Exception {
        CliArgs a = CliArgs.parse(args, Set.of("jsonl"), Set.of("epochs", "csv", "label"));
        if (a.positionals().size() != 1) throw new IllegalArgumentException("usage: " + USAGE);
        int epochs = a.intOption("epochs", 100, 0, MAX_EPOCHS);
        TrainingRun run = RunLoader.load(a.positionals().get(0), a.get("csv", null), a.get("label", null), err);
        String reason = run.trainer().untrainableReason();
        if (reason != null && epochs > 0) throw new IllegalArgumentException("cannot train: " + reason);
        boolean jsonl = a.has("jsonl");
        if (jsonl) {
            out.println(jsonLine(run.trainer().lastStats()));
        } else {
            out.print(ModelSummary.of(run.spec(), run.settings().standardize()).render(run.spec().inputs()));
            out.println("link: " + run.settings().toHash() + (run.tfExact() ? "  (TF-exact)" : ""));
        }
        for (int e = 1; e <= epochs; e++) {
            EpochStats stats = run.trainer().trainEpoch();
            out.println(jsonl ? jsonLine(stats) : progressLine(stats, epochs));
            if (stats.diverged()) throw new IllegalStateException("training diverged: " + stats.divergence());
            if (run.trainer().stoppedEarly()) break;
        }
        out.flush();
    }

    /** One JSON object; doubles print in Java's shortest round-trip form. */
    static String jsonLine(EpochStats s) throws Exception {
        ObjectNode o = JSON.createObjectNode();
        o.put("epoch", s.epoch());
        o.put("lossTrain", s.train().loss());
        if (s.test() != null) o.put("lossTest", s.test().loss());
        putQuality(o, "Train", s.train());
        if (s.test() != null) putQuality(o, "Test", s.test());
        return JSON.writeValueAsString(o);
    }

    private static void putQuality(ObjectNode o, String suffix, Metrics m) {
        if (m.accuracy() != null) o.put("acc" + suffix, m.accuracy());
        if (m.r2() != null) o.put("r2" + suffix, m.r2());
    }

    /** Keras' progress line: "Epoch 3/100 - loss: 0.4831 - accuracy: 0.7720 - val_loss: ...". */
    static String progressLine(EpochStats s, int epochs) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "Epoch %d/%d - loss: %.4f", s.epoch(), epochs, s.train().loss()));
        quality(b, "", s.train());
        if (s.test() != null) {
            b.append(String.format(Locale.ROOT, " - val_loss: %.4f", s.test().loss()));
            quality(b, "val_", s.test());
        }
        return b.toString();
    }

    private static void quality(StringBuilder b, String prefix, Metrics m) {
        if (m.accuracy() != null) b.append(String.format(Locale.ROOT, " - %saccuracy: %.4f", prefix, m.accuracy()));
        if (m.r2() != null) b.append(String.format(Locale.ROOT, " - %sr2: %.4f", prefix, m.r2()));
    }
}
