package org.nnplayground.playground;

import org.nnplayground.playground.cli.BenchCommand;
import org.nnplayground.playground.cli.SummaryCommand;
import org.nnplayground.playground.cli.SweepCommand;
import org.nnplayground.playground.cli.TrainCommand;

import java.util.Arrays;

/** Entry point: {@code serve} (the default) starts the server; train, summary and bench run headless. */
public final class PlaygroundApp {
    private static final String USAGE = """
            usage: java -jar playground.jar [serve] [--port N] [--host ADDR] ...   start the playground server
                   java -jar playground.jar train '<link>' [--epochs N] [--csv FILE] [--label COL] [--jsonl]
                   java -jar playground.jar summary '<link>' [--csv FILE]
                   java -jar playground.jar bench [--json] [--seconds S]
                   java -jar playground.jar sweep '<link>' --vary KEY=V1,V2 [--vary ...] [--epochs N] [--seeds S] [--csv FILE] [--jsonl]""";

    private PlaygroundApp() {}

    public static void main(String[] args) {
        String command = args.length == 0 || args[0].startsWith("--") ? "serve" : args[0];
        String[] rest = args.length == 0 || args[0].startsWith("--") ? args : Arrays.copyOfRange(args, 1, args.length);
        try {
            switch (command) {
                case "train" -> TrainCommand.run(rest, System.out, System.err);
                case "summary" -> SummaryCommand.run(rest, System.out, System.err);
                case "bench" -> BenchCommand.run(rest, System.out, System.err);
                case "sweep" -> SweepCommand.run(rest, System.out, System.err);
                case "serve" -> Serve.run(rest);
                case "help", "-h" -> System.out.println(USAGE);
                default -> fail("unknown command '" + command + "'\n" + USAGE);
            }
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
