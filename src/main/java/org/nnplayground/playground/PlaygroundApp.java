package org.nnplayground.playground;

import org.nnplayground.playground.cli.Cli;

import java.util.List;
import java.util.stream.Stream;

/** Entry point: {@code serve} (the default) starts the server; train, summary, bench, export and sweep run headless. */
public final class PlaygroundApp {
    private PlaygroundApp() {}

    public static void main(String[] args) {
        try {
            Cli.run(withCommand(args), System.out, System.err);
        } catch (IllegalArgumentException | IllegalStateException e) {
            fail("error: " + e.getMessage());
        } catch (Exception e) {
            fail("error: " + e);
        }
    }

    /** {@code serve} when no command is named: {@code java -jar playground.jar --port 9000} starts the server. */
    static String[] withCommand(String[] args) {
        boolean serve = args.length == 0 || (args[0].startsWith("--") && !List.of("--help", "--version").contains(args[0]));
        return serve ? Stream.concat(Stream.of("serve"), Stream.of(args)).toArray(String[]::new) : args;
    }

    private static void fail(String message) {
        System.err.println(message);
        System.exit(2);
    }
}
