package org.nnplayground.playground.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.nnplayground.playground.data.Sample;
import org.nnplayground.playground.export.ExportModel;
import org.nnplayground.playground.export.KerasScript;
import org.nnplayground.playground.export.TfjsModel;
import org.nnplayground.playground.session.TrainingRun;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code export '<link>' --epochs N [--csv FILE] [--label COLUMN] --format keras|tfjs --out DIR}:
 * trains headless, then writes the Keras script ({@code keras.py}) or the TF.js model
 * ({@code model.json}, {@code weights.bin}, and {@code data.json}: the run's split, encoded as the
 * model's inputs and labels) into DIR.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Train a link's model headless, then write it as a Keras script (keras.py) or a TF.js model (model.json, weights.bin, data.json).")
public final class ExportCommand implements Callable<Integer> {
    private static final int MAX_EPOCHS = 1_000_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The two export formats, as --format spells them. */
    enum Format { keras, tfjs }

    private final PrintStream out;
    private final PrintStream err;

    @Mixin
    RunOptions source = new RunOptions();

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "0", description = "epochs to train before exporting (default: ${DEFAULT-VALUE}, the initial weights)")
    int epochs;

    @Option(names = "--format", required = true, paramLabel = "keras|tfjs", description = "keras: keras.py; tfjs: model.json + weights.bin + data.json")
    Format format;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "the folder to write into (created if missing)")
    Path dir;

    ExportCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Parses {@code args} and exports. */
    public static void run(String[] args, PrintStream out, PrintStream err) throws Exception {
        Cli.run(new ExportCommand(out, err), args, out, err);
    }

    @Override
    public Integer call() throws Exception {
        if (epochs < 0 || epochs > MAX_EPOCHS) throw new IllegalArgumentException("--epochs must be 0 to " + MAX_EPOCHS);
        TrainingRun run = source.load(err);
        if (epochs > 0 && run.trainer().untrainableReason() != null) throw new IllegalArgumentException("cannot train: " + run.trainer().untrainableReason());
        for (int e = 0; e < epochs; e++) {
            if (run.trainer().trainEpoch().diverged()) throw new IllegalStateException("training diverged: " + run.trainer().lastStats().divergence());
        }
        Files.createDirectories(dir);
        if (format == Format.keras) {
            write(out, dir.resolve("keras.py"), KerasScript.of(run, "Keras script of " + run.settings().toHash()).getBytes(StandardCharsets.UTF_8));
        } else {
            write(out, dir.resolve("model.json"), TfjsModel.modelJson(run).getBytes(StandardCharsets.UTF_8));
            write(out, dir.resolve(TfjsModel.WEIGHTS_FILE), TfjsModel.weights(run));
            write(out, dir.resolve("data.json"), dataJson(run));
        }
        out.flush();
        return 0;
    }

    /**
     * {"train": {"x": [[...]], "y": [...]}, "test": ...}: inputs as the model sees them, labels as its loss expects;
     * an image run's test part also has "predicted", the class the playground gives each test image, so
     * that the exported model can be checked to classify them the same (scripts/tfjs-mnist-check.cjs).
     */
    private static byte[] dataJson(TrainingRun run) throws Exception {
        ExportModel m = ExportModel.of(run);
        ObjectNode root = JSON.createObjectNode();
        split(root.putObject("train"), run.split().train(), run, m);
        ObjectNode test = root.putObject("test");
        split(test, run.split().test(), run, m);
        if (run.isImage()) {
            ArrayNode predicted = test.putArray("predicted");
            for (Sample s : run.split().test()) predicted.add(argmax(run.trainer().predict(s.inputs())));
        }
        return JSON.writeValueAsBytes(root);
    }

    private static void split(ObjectNode node, List<Sample> samples, TrainingRun run, ExportModel m) {
        ArrayNode x = node.putArray("x");
        ArrayNode y = node.putArray("y");
        for (Sample s : samples) {
            ArrayNode row = x.addArray();
            for (double v : run.encodeInputs(s.inputs())) row.add(v);
            y.add(m.kerasLabel(s.label(), run.spec()));
        }
    }

    private static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) if (v[i] > v[best]) best = i;
        return best;
    }

    private static void write(PrintStream out, Path file, byte[] content) throws Exception {
        Files.write(file, content);
        out.println("wrote " + file + " (" + content.length + " bytes)");
    }
}
