package org.nnplayground.playground.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.nnplayground.playground.nn.ModelSummary;
import org.nnplayground.playground.session.TrainingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code summary '<link>' [--csv FILE] [--label COLUMN]}: prints the Keras-style model summary. */
@Command(name = "summary", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class, description = "Print the Keras-style summary of a link's model.")
public final class SummaryCommand implements Callable<Integer> {
    private final PrintStream out;
    private final PrintStream err;

    @Parameters(index = "0", paramLabel = "LINK", description = "a playground link: a full URL or the part after '#'")
    String link;

    @Option(names = "--csv", paramLabel = "FILE", description = "your own data: a CSV file, or a bundled example's name (one_circle, three_species, house_prices)")
    String csv;

    @Option(names = "--label", paramLabel = "COLUMN", description = "the label column of the CSV (default: the last)")
    String label;

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
        TrainingRun run = RunLoader.load(link, csv, label, err);
        out.print(run.summary().render(run.spec().inputs()));
        out.flush();
        return 0;
    }
}
