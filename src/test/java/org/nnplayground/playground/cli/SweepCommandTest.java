package org.nnplayground.playground.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every row of a sweep equals a separate {@code train} of its link with the same seed and epochs. */
class SweepCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE = "activation=tanh&batchSize=10&dataset=circle&learningRate=0.03&regularizationRate=0"
            + "&noise=0&networkShape=4,2&seed=0.12345&percTrainData=50&x=true&y=true&problem=classification";

    private static String[] run(boolean sweep, String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        if (sweep) SweepCommand.run(args, o, e);
        else TrainCommand.run(args, o, e);
        return out.toString(StandardCharsets.UTF_8).split("\n");
    }

    @Test
    void eachRowEqualsASeparateTrainRun() throws Exception {
        String[] rows = run(true, BASE, "--vary", "learningRate=0.01,0.1", "--vary", "networkShape=4:4,2",
                "--epochs", "30", "--seeds", "2", "--jsonl");
        assertEquals(8, rows.length);
        Set<String> combos = new HashSet<>();
        for (String line : rows) {
            JsonNode row = JSON.readTree(line);
            combos.add(row.get("values").toString() + row.get("seed").asText());
            assertEquals(30, row.get("epochs").asInt());
            String[] train = run(false, row.get("link").asText(), "--epochs", "30", "--jsonl");
            JsonNode last = JSON.readTree(train[train.length - 1]);
            assertEquals(30, last.get("epoch").asInt());
            assertEquals(last.get("lossTrain").asDouble(), row.get("lossTrain").asDouble(), 0.0, line);
            assertEquals(last.get("lossTest").asDouble(), row.get("lossTest").asDouble(), 0.0, line);
            assertEquals(last.get("accTest").asDouble(), row.get("metricTest").asDouble(), 0.0, line);
            int reached = -1;
            for (String t : train) {
                JsonNode epoch = JSON.readTree(t);
                if (epoch.get("accTest").asDouble() >= 0.9) { reached = epoch.get("epoch").asInt(); break; }
            }
            if (reached < 0) assertTrue(row.get("epochsToTarget").isNull());
            else assertEquals(reached, row.get("epochsToTarget").asInt());
        }
        assertEquals(8, combos.size(), "2 rates x 2 shapes x 2 seeds, all different");
    }

    @Test
    void theTableIsSortedByTestLossAndTooBigSweepsAreRefusedClearly() throws Exception {
        String[] table = run(true, BASE, "--vary", "learningRate=0.003,0.03,0.3", "--epochs", "20");
        assertTrue(java.util.Arrays.stream(table).anyMatch(l -> l.contains(" accuracy val_accuracy")),
                "the header's columns stay apart: " + String.join("\n", table));
        assertTrue(table[0].startsWith("learningRate"), table[0]);
        double previous = -1;
        for (int i = 1; i <= 3; i++) {
            double valLoss = Double.parseDouble(table[i].trim().split("\\s+")[3]);
            assertTrue(valLoss >= previous, "sorted: " + String.join("\n", table));
            previous = valLoss;
        }
        IllegalArgumentException big = assertThrows(IllegalArgumentException.class, () -> run(true, BASE,
                "--vary", "learningRate=1,2,3,4,5", "--vary", "batchSize=1,2,3,4,5", "--vary", "noise=1,2,3", "--epochs", "5"));
        assertTrue(big.getMessage().contains("too big") && big.getMessage().contains("75"), big.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> run(true, BASE, "--vary", "colour=1,2"));
        assertTrue(bad.getMessage().contains("colour"), bad.getMessage());
        RuntimeException badValue = assertThrows(RuntimeException.class, () -> run(true, BASE, "--vary", "activation=relu,banana"));
        assertTrue(badValue.getMessage().contains("banana"), badValue.getMessage());
    }

    @Test
    void hiddenLayersAndNeuronsBecomeTheNetworkShape() throws Exception {
        String[] rows = run(true, BASE, "--vary", "hiddenLayers=1,2", "--vary", "neurons=3,5", "--epochs", "2", "--jsonl");
        Set<String> shapes = new HashSet<>();
        for (String line : rows) {
            JsonNode row = JSON.readTree(line);
            String link = row.get("link").asText();
            shapes.add(link.replaceAll(".*networkShape=([0-9,]*).*", "$1"));
        }
        assertEquals(Set.of("3", "5", "3,3", "5,5"), shapes);
        String[] layersOnly = run(true, BASE, "--vary", "hiddenLayers=0,3", "--epochs", "1", "--jsonl");
        assertTrue(layersOnly[1].contains("networkShape=4,4,4"), "the student's width (4) repeated: " + layersOnly[1]);
        IllegalArgumentException both = assertThrows(IllegalArgumentException.class,
                () -> run(true, BASE, "--vary", "networkShape=4", "--vary", "neurons=2,3"));
        assertTrue(both.getMessage().contains("either"), both.getMessage());
    }

    @Test
    void earlyStopIsReportedInTheRow() throws Exception {
        String[] rows = run(true, BASE + "&earlyStop=3", "--vary", "learningRate=3", "--epochs", "300", "--jsonl");
        JsonNode row = JSON.readTree(rows[0]);
        assertTrue(row.get("epochs").asInt() < 300, rows[0]);
        assertTrue(row.get("note").asText().contains("stopped early"), rows[0]);
    }
}
