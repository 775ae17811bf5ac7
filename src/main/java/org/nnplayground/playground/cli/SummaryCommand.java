package org.nnplayground.playground.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.nnplayground.playground.nn.ModelSummary;
import org.nnplayground.playground.session.TrainingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code summary '<link>' [--csv FILE] [--label COLUMN]}: prints the Keras-style model summary. */
@Command(name = "summary", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class, description = "Print the Keras-style summary of a link's model.")
public final class SummaryCommand implements Callable<Integer> {
    private final PrintStream out;
    private final PrintStream err;

    @Mixin
    RunOptions source = new RunOptions();

    SummaryCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Parses {@code args} and prints the summary. */
    public static void run(String[] args, PrintStream out, PrintStream err) throws Exception {
        Cli.run(new SummaryCommand(out, err), args, out, err);
    }

    @Override
    public Integer call() throws Exception {
        TrainingRun run = source.load(err);
        out.print(run.summary().render(run.spec().inputs()));
        out.flush();
        return 0;
    }
}
