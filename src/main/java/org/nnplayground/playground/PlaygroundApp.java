package org.nnplayground.playground;

import org.nnplayground.playground.cli.Cli;

import java.util.Arrays;

/** Entry point: {@code serve} (the default) starts the server; train, summary and bench run headless. */
public final class PlaygroundApp {
    private PlaygroundApp() {}

    public static void main(String[] args) {
        boolean serve = args.length == 0 || (args[0].startsWith("--") && !args[0].equals("--help")) || args[0].equals("serve");
        try {
            // the server reads its own flags (README, configuration); every other command is picocli's
            if (serve) Serve.run(args.length > 0 && args[0].equals("serve") ? Arrays.copyOfRange(args, 1, args.length) : args);
            else Cli.run(args, System.out, System.err);
        } catch (IllegalArgumentException | IllegalStateException e) {
            fail("error: " + e.getMessage());
        } catch (Exception e) {
            fail("error: " + e);
        }
    }

    private static void fail(String message) {
        System.err.println(message);
        System.exit(2);
    }
}
