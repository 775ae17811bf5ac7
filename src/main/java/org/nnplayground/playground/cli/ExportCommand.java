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
import java.util.Set;

/**
 * {@code export '<link>' --epochs N [--csv FILE] [--label COLUMN] --format keras|tfjs --out DIR}:
 * trains headless, then writes the Keras script ({@code keras.py}) or the TF.js model
 * ({@code model.json}, {@code weights.bin}, and {@code data.json}: the run's split, encoded as the
 * model's inputs and labels) into DIR.
 */
public final class ExportCommand {
    static final String USAGE = "export '<link>' --epochs N [--csv FILE] [--label COLUMN] --format keras|tfjs --out DIR";
    private static final int MAX_EPOCHS = 1_000_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ExportCommand() {}

    public static void run(String[] args, PrintStream out, PrintStream err) throws Exception {
        CliArgs a = CliArgs.parse(args, Set.of(), Set.of("epochs", "csv", "label", "format", "out"));
        if (a.positionals().size() != 1 || !a.has("format") || !a.has("out")) throw new IllegalArgumentException("usage: " + USAGE);
        String format = a.get("format", "");
        if (!format.equals("keras") && !format.equals("tfjs")) throw new IllegalArgumentException("--format must be keras or tfjs (got '" + format + "')");
        int epochs = a.intOption("epochs", 0, 0, MAX_EPOCHS);
        TrainingRun run = RunLoader.load(a.positionals().get(0), a.get("csv", null), a.get("label", null), err);
        if (epochs > 0 && run.trainer().untrainableReason() != null) throw new IllegalArgumentException("cannot train: " + run.trainer().untrainableReason());
        for (int e = 0; e < epochs; e++) {
            if (run.trainer().trainEpoch().diverged()) throw new IllegalStateException("training diverged: " + run.trainer().lastStats().divergence());
        }
        Path dir = Path.of(a.get("out", "."));
        Files.createDirectories(dir);
        if (format.equals("keras")) {
            write(out, dir.resolve("keras.py"), KerasScript.of(run, "Keras script of " + run.settings().toHash()).getBytes(StandardCharsets.UTF_8));
        } else {
            write(out, dir.resolve("model.json"), TfjsModel.modelJson(run).getBytes(StandardCharsets.UTF_8));
            write(out, dir.resolve(TfjsModel.WEIGHTS_FILE), TfjsModel.weights(run));
            write(out, dir.resolve("data.json"), dataJson(run));
        }
    }

    /** {"train": {"x": [[...]], "y": [...]}, "test": ...}: inputs as the model sees them, labels as its loss expects. */
    private static byte[] dataJson(TrainingRun run) throws Exception {
        ExportModel m = ExportModel.of(run);
        ObjectNode root = JSON.createObjectNode();
        split(root.putObject("train"), run.split().train(), run, m);
        split(root.putObject("test"), run.split().test(), run, m);
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

    private static void write(PrintStream out, Path file, byte[] content) throws Exception {
        Files.write(file, content);
        out.println("wrote " + file + " (" + content.length + " bytes)");
    }
}
