package org.nnplayground.playground.cli;

import org.nnplayground.playground.data.CsvImport;
import org.nnplayground.playground.data.CsvOptions;
import org.nnplayground.playground.data.DataSet;
import org.nnplayground.playground.data.Examples;
import org.nnplayground.playground.link.LinkResult;
import org.nnplayground.playground.link.PlaygroundLink;
import org.nnplayground.playground.session.RunPlanner;
import org.nnplayground.playground.session.TrainingRun;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The options every command that builds a run shares (a {@code @Mixin}): the link, and an optional
 * CSV (a file, or a bundled example's name) with its label column. The run is built as the page
 * builds it: nothing a link says stops it; what was ignored or replaced goes to stderr.
 */
final class RunOptions {
    @Parameters(index = "0", paramLabel = "LINK", description = "a playground link: a full URL or the part after '#'")
    String link;

    @Option(names = "--csv", paramLabel = "FILE", description = "your own data: a CSV file, or a bundled example's name (one_circle, three_species, house_prices)")
    String csv;

    @Option(names = "--label", paramLabel = "COLUMN", description = "the label column of the CSV (default: the last)")
    String label;

    /** The run these options say; warnings (values ignored or replaced) go to {@code warnings}. */
    TrainingRun load(PrintStream warnings) throws IOException {
        LinkResult parsed = PlaygroundLink.parse(link, new SecureRandom());
        parsed.warnings().forEach(w -> warnings.println("warning: " + w));
        DataSet csv = this.csv == null ? null : readCsv(this.csv, label);
        return TrainingRun.build(RunPlanner.forgiving(parsed.settings(), csv, w -> warnings.println("warning: " + w)));
    }

    /** A CSV file by path; when there is no such file, the bundled example of that name. */
    private static DataSet readCsv(String name, String labelColumn) throws IOException {
        Path path = Path.of(name);
        if (Files.exists(path)) return CsvImport.read(path, new CsvOptions(labelColumn, path.getFileName().toString()));
        Optional<Examples> example = Examples.find(name);
        if (example.isEmpty()) {
            throw new IllegalArgumentException("no file " + name + " (bundled examples: "
                    + String.join(", ", Examples.ALL.stream().map(Examples::file).toList()) + ")");
        }
        return CsvImport.read(example.get().read(), new CsvOptions(labelColumn, example.get().file()));
    }
}
