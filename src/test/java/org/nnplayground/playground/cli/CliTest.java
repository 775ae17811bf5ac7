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
        assertTrue(lines[lines.length - 1].matches("Epoch 2/2 - loss: [0-9.]+ - r2: -?[0-9.]+ - val_loss: [0-9.]+ - val_r2: -?[0-9.]+"), lines[lines.length - 1]);
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
    void errorsAreClear(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "a,b,label\n1,2,0\n1,oops,1\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> run("train", "seed=1", "--csv", csv.toString())).getMessage().contains("line 3"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> run("train", "activation=banana")).getMessage().contains("activation"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> run("train", "seed=1", "--epochs", "x")).getMessage().contains("--epochs"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> run("train", "activation=step&seed=1", "--epochs", "1")).getMessage().contains("step"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> run("train", "networkShape=256,256&problem=regression&seed=1")).getMessage().contains("too big"));
        assertTrue(assertThrows(IllegalStateException.class, () -> run("train", "learningRate=10&seed=0.3&networkShape=8,8,8,8&activation=relu&problem=regression&regDataset=reg-gauss", "--epochs", "200"))
                .getMessage().contains("diverged"));
    }
}
