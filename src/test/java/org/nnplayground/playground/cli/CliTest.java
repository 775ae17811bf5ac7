package org.nnplayground.playground.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The headless commands: train (text and --jsonl), summary, and their errors. */
class CliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private String[] run(String command, String... args) throws Exception {
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        switch (command) {
            case "train" -> TrainCommand.run(args, o, e);
            case "summary" -> SummaryCommand.run(args, o, e);
            case "bench" -> BenchCommand.run(args, o, e);
            case "cli" -> Cli.run(args, o, e);
            default -> throw new IllegalArgumentException(command);
        }
        return out.toString(StandardCharsets.UTF_8).split("\n");
    }

    @Test
    void jsonlReproducesTensorFlowPlaygroundAndReadsBackExactly() throws Exception {
        JsonNode h1;
        try (InputStream in = getClass().getResourceAsStream("/tf-vectors/H1.json")) {
            h1 = JSON.readTree(in);
        }
        String[] lines = run("train", "https://playground.tensorflow.org/#" + h1.get("hash").asText(), "--epochs", "20", "--jsonl");
        assertEquals(21, lines.length);
        for (int k = 0; k <= 20; k++) {
            JsonNode line = JSON.readTree(lines[k]);
            assertEquals(k, line.get("epoch").asInt());
            assertEquals(h1.get("lossTrain").get(k).asDouble(), Double.parseDouble(line.get("lossTrain").asText()), 0.0);
            assertEquals(h1.get("lossTest").get(k).asDouble(), Double.parseDouble(line.get("lossTest").asText()), 0.0);
            assertTrue(line.has("accTrain") && line.has("accTest"));
        }
    }

    @Test
    void regressionReportsR2AndTextModeStartsWithTheSummary() throws Exception {
        String[] lines = run("train", "problem=regression&regDataset=reg-plane&seed=0.5&networkShape=3", "--epochs", "2");
        assertTrue(lines[0].startsWith("Model: \"sequential\""));
        assertTrue(lines[lines.length - 1].matches("Epoch 2/2 - loss: [0-9.]+ - r2: -?[0-9.]+ - val_loss: [0-9.]+ - val_r2: -?[0-9.]+ - [0-9.]+s \\(cpu [0-9.]+s\\)"), lines[lines.length - 1]);
    }

    @Test
    void summaryShowsNormalizationAndDropoutLikeThePage() throws Exception {
        String text = String.join("\n", run("summary", "standardize=true&dropout=0.2&networkShape=4,2"));
        assertTrue(text.matches("(?s).*normalization \\(Normalization\\) +z-score.*"), text);
        assertTrue(text.contains("dropout_1 (Dropout)") && text.contains("dropout_2 (Dropout)"), text);
        assertTrue(!text.contains("dropout_3"), "no dropout after the output: " + text);
    }

    @Test
    void topLevelHelpListsEveryCommandInWholeSentences() throws Exception {
        String help = String.join("\n", run("cli", "--help")).replaceAll("\\s+", " ");
        assertTrue(help.contains("to size a server for a class"), help);
        assertTrue(help.contains("print a table sorted by test loss"), help);
    }

    @Test
    void csvTrainsAndSummaryCountsParameters(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("data.csv");
        Files.writeString(csv, "a,b,c,label\n1,2,3,cat\n2,1,0,dog\n0,0,1,cat\n3,1,2,dog\n1,1,1,cat\n");
        String[] lines = run("summary", "networkShape=4", "--csv", csv.toString());
        assertTrue(String.join("\n", lines).contains("Total params: 21"), String.join("\n", lines));
        out.reset();
        String[] trained = run("train", "networkShape=4&seed=0.1", "--csv", csv.toString(), "--epochs", "3", "--jsonl");
        assertEquals(4, trained.length);
    }

    @Test
    void aLinkNeverStopsTheCliWarningsGoToStderr() throws Exception {
        String[] lines = run("train", "activation=banana&networkShape=256,256&problem=regression&seed=1&learningRate=0.01", "--epochs", "2");
        String warnings = err.toString(StandardCharsets.UTF_8);
        assertTrue(warnings.contains("warning: activation: unknown value 'banana'"), warnings);
        assertTrue(warnings.contains("warning: networkShape=256,256 cannot be used here (this network is too big"), warnings);
        assertTrue(lines[lines.length - 1].startsWith("Epoch 2/2 - loss: "), String.join("\n", lines));
    }

    @Test
    void everyCommandHasHelp() throws Exception {
        for (String command : new String[] {"train", "summary", "bench"}) {
            out.reset();
            run(command, "--help");
            String usage = out.toString(StandardCharsets.UTF_8);
            assertTrue(usage.startsWith("Usage: " + command), usage);
            assertTrue(usage.contains("--help"), usage);
        }
        out.reset();
        run("cli", "--help");
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("train"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> run("cli", "tran")).getMessage().contains("Usage"));
    }

    @Test
    void csvTakesABundledExamplesName() throws Exception {
        String[] lines = run("train", "networkShape=8&seed=0.2&output=softmax&optimizer=adam&learningRate=0.01", "--csv", "three_species", "--epochs", "3");
        assertTrue(lines[0].contains("Model"), lines[0]);
        assertTrue(lines[lines.length - 1].contains("accuracy"), lines[lines.length - 1]);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> run("summary", "seed=1", "--csv", "no_such_file"))
                .getMessage().contains("one_circle.csv"));
    }

    @Test
    void benchSaysWhatTheConfigurationsAreAndMeasuresEachOfThem() throws Exception {
        run("bench", "--help");
        String help = out.toString(StandardCharsets.UTF_8);
        assertTrue(help.contains("C1  circle") && help.contains("C4  regression") && help.contains("students"), help);
        out.reset();
        String[] lines = run("bench", "--seconds", "1");
        assertEquals(5, lines.length, String.join("\n", lines));
        assertTrue(lines[0].contains("students per core"), lines[0]);
        for (int i = 1; i <= 4; i++) assertTrue(lines[i].startsWith("C" + i), lines[i]);
        // every configuration measured; the timed loops run at least their budget (how much longer
        // depends on the machine's load, so no upper bound here: the bench is not a unit test)
        out.reset();
        JsonNode figures = JSON.readTree(run("bench", "--seconds", "1", "--json")[0]);
        for (String config : new String[] {"C1", "C2", "C3", "C4"}) {
            JsonNode f = figures.get(config);
            assertTrue(f != null && f.get("epochsPerSec").asDouble() > 0 && f.get("boundaryMs").asDouble() > 0
                    && f.get("studentsPerCore").asInt() >= 0, config + ": " + figures);
        }
        assertTrue(figures.get("timedSeconds").asDouble() >= 0.99, "the loops use their time: " + figures);
    }

    @Test
    void hugeNumbersAreWrittenForPeople() {
        assertEquals("2.72e+114", TrainCommand.number(2.7171065092165877e+114));
        assertEquals("0.1235", TrainCommand.number(0.12345));
    }

    @Test
    void errorsAreClear(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "a,b,label\n1,2,0\n1,oops,1\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> run("train", "seed=1", "--csv", csv.toString())).getMessage().contains("line 3"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> run("train", "seed=1", "--epochs", "x")).getMessage().contains("--epochs"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> run("train", "activation=step&seed=1", "--epochs", "1")).getMessage().contains("step"));
        assertTrue(assertThrows(IllegalStateException.class, () -> run("train", "learningRate=10&seed=0.3&networkShape=8,8,8,8&activation=relu&problem=regression&regDataset=reg-gauss", "--epochs", "200"))
                .getMessage().contains("diverged"));
    }
}
