package org.nnplayground.playground;

import org.junit.jupiter.api.Test;
import org.nnplayground.playground.cli.Cli;
import org.nnplayground.playground.web.ServeCommand;
import org.nnplayground.playground.web.ServerConfig;
import picocli.CommandLine.Model.OptionSpec;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code serve}'s flags: one declaration each, listed by {@code --help} and by the README's table, checked in plain words. */
class ServeHelpTest {
    /** Every server flag and its environment variable, as ServeCommand declares them. */
    private static Map<String, String> declared() {
        Map<String, String> flags = new TreeMap<>();
        for (OptionSpec option : ServeCommand.commandLine(new ServeCommand(System.out), Map.of()).getCommandSpec().options()) {
            if (option.usageHelp() || option.versionHelp()) continue;
            String help = String.join(" ", option.description());
            Matcher env = Pattern.compile("\\[([A-Z_]+)[],]").matcher(help);
            assertTrue(env.find(), option.longestName() + " names its environment variable: " + help);
            flags.put(option.longestName(), env.group(1));
        }
        return flags;
    }

    private static String run(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Cli.run(PlaygroundApp.withCommand(args), Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpListsEveryFlagWithItsEnvironmentVariableAndStartsNothing() throws Exception {
        Map<String, String> flags = declared();
        assertTrue(flags.size() >= 25, "every flag: " + flags.keySet());
        assertEquals("MAX_SESSIONS", flags.get("--max-sessions"));
        for (String[] args : new String[][] {{"serve", "--help"}, {"serve", "-h"}, {"--port", "0", "--help"}}) {
            String text = run(args);
            assertTrue(text.startsWith("Usage: java -jar playground.jar serve"), text);
            for (Map.Entry<String, String> flag : flags.entrySet()) {
                assertTrue(text.contains(flag.getKey() + "="), flag.getKey() + " in --help:\n" + text);
                assertTrue(text.contains("[" + flag.getValue()), flag.getValue() + " in --help:\n" + text);
            }
            assertFalse(text.contains("Neural network playground on"), "no server was started: " + text);
        }
        assertTrue(run("--help").contains("serve"), "the commands' list names serve");
    }

    @Test
    void theReadmesTableListsEveryFlagAndItsEnvironmentVariable() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        Matcher row = Pattern.compile("(?m)^\\| `(--[a-z-]+)` \\| `([A-Z_]+)` \\|").matcher(readme);
        Map<String, String> table = new TreeMap<>();
        while (row.find()) table.put(row.group(1), row.group(2));
        assertEquals(declared(), table, "README.md's Configuration table: one row per serve flag, with its environment variable");
    }

    @Test
    void flagsWinOverTheEnvironmentAndRangesAreCheckedInPlainWords() {
        ServerConfig c = ServerConfig.from(new String[] {"--max-sessions", "7", "--fps=30"}, Map.of("MAX_SESSIONS", "9", "WORKERS", "3"));
        assertEquals(7, c.maxSessions());
        assertEquals(30, c.framesPerSecond());
        assertEquals(3, c.workers());
        assertEquals(ServerConfig.defaults().port(), c.port());
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class, () -> ServerConfig.from(new String[] {"--port", "70000"}, Map.of()));
        assertEquals("--port must be in 0..65535 (got 70000)", range.getMessage());
        IllegalArgumentException fromEnv = assertThrows(IllegalArgumentException.class, () -> ServerConfig.from(new String[0], Map.of("FPS", "0")));
        assertEquals("--fps must be in 1..240 (got 0)", fromEnv.getMessage());
        IllegalArgumentException word = assertThrows(IllegalArgumentException.class, () -> ServerConfig.from(new String[] {"--workers", "many"}, Map.of()));
        assertTrue(word.getMessage().contains("--workers") && word.getMessage().contains("must be a whole number (got 'many')"), word.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> ServerConfig.from(new String[] {"--max-session", "3"}, Map.of()));
        assertTrue(unknown.getMessage().contains("--max-session"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ServerConfig.from(new String[] {"--grid-eval-size", "55"}, Map.of()));
    }
}
