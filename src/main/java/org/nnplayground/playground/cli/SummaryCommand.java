package org.nnplayground.playground.cli;

import org.nnplayground.playground.nn.ModelSummary;
import org.nnplayground.playground.session.TrainingRun;

import java.io.PrintStream;
import java.util.Set;

/** {@code summary '<link>' [--csv FILE]}: prints the Keras-style model summary. */
public final class SummaryCommand {
    static final String USAGE = "summary '<link or URL>' [--csv FILE] [--label COLUMN]";

    private SummaryCommand() {}

    public static void run(String[] args, PrintStream out, PrintStream err) throws Exception {
        CliArgs a = CliArgs.parse(args, Set.of(), Set.of("csv", "label"));
        if (a.positionals().size() != 1) throw new IllegalArgumentException("usage: " + USAGE);
        TrainingRun run = RunLoader.load(a.positionals().get(0), a.get("csv", null), a.get("label", null), err);
        out.print(ModelSummary.of(run.spec()).render(run.spec().inputs()));
    }
}
