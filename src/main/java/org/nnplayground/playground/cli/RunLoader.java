package org.nnplayground.playground.cli;

import org.nnplayground.playground.data.CsvImport;
import org.nnplayground.playground.data.CsvOptions;
import org.nnplayground.playground.data.DataSet;
import org.nnplayground.playground.link.LinkResult;
import org.nnplayground.playground.link.PlaygroundLink;
import org.nnplayground.playground.session.TrainingRun;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;

/** Builds a run from a link argument and an optional --csv file, reporting link warnings. */
final class RunLoader {
    private RunLoader() {}

    static TrainingRun load(String link, String csvFile, String labelColumn, PrintStream warnings) throws IOException {
        LinkResult parsed = PlaygroundLink.parse(link, new SecureRandom());
        parsed.warnings().forEach(w -> warnings.println("warning: " + w));
        DataSet csv = null;
        if (csvFile != null) {
            Path path = Path.of(csvFile);
            csv = CsvImport.read(path, new CsvOptions(labelColumn, path.getFileName().toString()));
        }
        return TrainingRun.create(parsed.settings(), csv);
    }
}
