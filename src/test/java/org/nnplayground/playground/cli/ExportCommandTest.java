package org.nnplayground.playground.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnplayground.playground.session.RunSnapshotTest;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code export}: writes the Keras script or the TF.js model (+ its data) for a link trained N epochs. */
class ExportCommandTest {
    @TempDir
    Path dir;

    private String run(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void writesTheTfjsModelAndItsDataForACsv() throws Exception {
        String printed = run(RunSnapshotTest.BOOK, "--epochs", "0", "--csv", "src/test/resources/datasets/one_circle.csv",
                "--format", "tfjs", "--out", dir.toString());
        assertTrue(printed.contains("model.json"), printed);
        JsonNode model = new ObjectMapper().readTree(dir.resolve("model.json").toFile());
        assertEquals(5, model.at("/modelTopology/config/layers").size(), "dense, dropout, dense, dropout, dense");
        assertEquals("softmax", model.at("/modelTopology/config/layers/4/config/activation").asText());
        // (2*128 + 128) + (128*64 + 64) + (64*2 + 2) float32 parameters
        assertEquals(4L * (384 + 8256 + 130), Files.size(dir.resolve("weights.bin")));
        JsonNode data = new ObjectMapper().readTree(dir.resolve("data.json").toFile());
        assertTrue(data.at("/train/x").size() > 0);
        assertEquals(data.at("/train/x").size(), data.at("/train/y").size());
    }

    @Test
    void writesTheKerasScript() throws Exception {
        run("dataset=xor&networkShape=3&seed=0.1", "--epochs", "5", "--format", "keras", "--out", dir.toString());
        String py = Files.readString(dir.resolve("keras.py"));
        assertTrue(py.contains("model.fit(X_train, y_train, epochs=5, batch_size=10, validation_data=(X_test, y_test))"), py);
        assertTrue(py.contains("model.set_weights(["));
    }

    @Test
    void refusesWhatItCannotDo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> run("dataset=xor", "--format", "onnx", "--out", dir.toString()));
        assertTrue(e.getMessage().contains("--format") && e.getMessage().contains("keras, tfjs"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> run("dataset=xor", "--format", "keras"));
        IllegalArgumentException step = assertThrows(IllegalArgumentException.class,
                () -> run("dataset=xor&activation=step", "--format", "keras", "--out", dir.toString()));
        assertTrue(step.getMessage().contains("step activation has no Keras"), step.getMessage());
    }
}
