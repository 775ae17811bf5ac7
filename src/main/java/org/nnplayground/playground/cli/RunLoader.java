package org.nnplayground.playground.cli;

import org.nnplayground.playground.data.CsvImport;
import org.nnplayground.playground.data.CsvOptions;
import org.nnplayground.playground.data.DataSet;
import org.nnplayground.playground.data.Examples;
import org.nnplayground.playground.link.LinkResult;
import org.nnplayground.playground.link.PlaygroundLink;
import org.nnplayground.playground.session.TrainingRun;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * Builds a run from a link argument and an optional CSV (a file, or a bundled example's name), as
 * the page does: nothing a link says stops it; what was ignored or replaced goes to stderr.
 */
final class RunLoader {
    private RunLoader() {}

    static TrainingRun load(String link, String csvFile, String labelColumn, PrintStream warnings) throws IOException {
        LinkResult parsed = PlaygroundLink.parse(link, new SecureRandom());
        parsed.warnings().forEach(w -> warnings.println("warning: " + w));
        DataSet csv = csvFile == null ? null : readCsv(csvFile, labelColumn);
        return TrainingRun.createForgiving(parsed.settings(), csv, w -> warnings.println("warning: " + w));
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
