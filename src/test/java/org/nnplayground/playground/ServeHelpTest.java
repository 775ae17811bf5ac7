package org.nnplayground.playground;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code serve --help} prints the server's usage (it answered "--help needs a value"), and starts nothing. */
class ServeHelpTest {
    @Test
    void serveHelpPrintsUsage() {
        for (String[] args : new String[][] {{"--help"}, {"-h"}, {"--port", "0", "--help"}}) {
            PrintStream out = System.out;
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try {
                Serve.run(args);
            } finally {
                System.setOut(out);
            }
            String text = captured.toString(StandardCharsets.UTF_8);
            assertTrue(text.startsWith("Usage: java -jar playground.jar [serve]"), text);
            assertTrue(text.contains("README.md"), text);
            assertTrue(!text.contains("Neural network playground on"), "no server was started: " + text);
        }
    }
}
