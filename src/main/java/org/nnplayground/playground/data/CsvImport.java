package org.nnplayground.playground.data;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads an uploaded CSV file into a {@link DataSet}. A header row is required; an unnamed first
 * column (the index pandas writes) is dropped; the label column is chosen by name (default the
 * last); every other column is a numeric feature. See {@link CsvLabels} for how labels are read.
 */
public final class CsvImport {
    /** Largest accepted file, in UTF-8 bytes. */
    public static final int MAX_BYTES = 2 * 1024 * 1024;
    /** {@link #MAX_BYTES} in words, for messages. */
    public static final String MAX_SIZE = MAX_BYTES / (1024 * 1024) + " MiB";
    /**
     * Files up to this size (the bundled examples, a truth table) travel inside the socket's
     * {@code loadCsv} message and are read at once: they cost well under a millisecond, and they do
     * not count against the per-address upload limit that a class behind one NAT shares.
     */
    public static final int INLINE_BYTES = 8 * 1024;
    /** Most data rows (header not counted). */
    public static final int MAX_ROWS = 10_000;
    /** Most feature columns (index and label not counted). */
    public static final int MAX_FEATURES = 32;
    /** Fewest feature columns. */
    public static final int MIN_FEATURES = 2;

    private CsvImport() {}

    /** Reads a file from disk, checking its size before loading it. */
    public static DataSet read(Path path, CsvOptions opts) throws IOException {
        if (Files.size(path) > MAX_BYTES) throw tooLarge(Files.size(path));
        return read(Files.readString(path, StandardCharsets.UTF_8), opts);
    }

    /** Reads everything from {@code reader}, stopping early once the file is surely too large. */
    public static DataSet read(Reader reader, CsvOptions opts) throws IOException {
        StringBuilder text = new StringBuilder();
        char[] buf = new char[8192];
        for (int n; (n = reader.read(buf)) >= 0; ) {
            text.append(buf, 0, n);
            // Every char is at least one UTF-8 byte, so this many chars is already too many bytes.
            if (text.length() > MAX_BYTES) throw tooLarge(text.length());
        }
        return read(text.toString(), opts);
    }

    /** Parses CSV text. */
    public static DataSet read(String content, CsvOptions opts) {
        int bytes = content.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) throw tooLarge(bytes);
        List<CsvRows.Row> rows = CsvRows.parse(content);
        if (rows.isEmpty()) throw new CsvException(1, "the file is empty");
        CsvRows.Row header = rows.get(0);
        if (rows.size() == 1) throw new CsvException(header.line(), "there is a header but no data rows");
        if (rows.size() - 1 > MAX_ROWS) {
            throw new CsvException(rows.get(MAX_ROWS + 1).line(), "more than " + MAX_ROWS + " data rows");
        }
        Columns columns = columns(header, opts.labelColumn());
        int width = header.fields().size();
        int n = rows.size() - 1;
        double[][] inputs = new double[n][columns.features().size()];
        List<String> labelCells = new ArrayList<>(n);
        int[] lines = new int[n];
        for (int r = 0; r < n; r++) {
            CsvRows.Row row = rows.get(r + 1);
            if (row.fields().size() != width) {
                throw new CsvException(row.line(),
                    "expected " + width + " columns but found " + row.fields().size());
            }
            for (int f = 0; f < columns.features().size(); f++) {
                int col = columns.features().get(f);
                inputs[r][f] = CsvNumbers.parse(row.fields().get(col), row.line(), header.fields().get(col));
            }
            labelCells.add(row.fields().get(columns.label()));
            lines[r] = row.line();
        }
        CsvLabels.Encoded labels = CsvLabels.encode(labelCells, lines, header.fields().get(columns.label()));
        List<Sample> samples = new ArrayList<>(n);
        for (int r = 0; r < n; r++) samples.add(new Sample(inputs[r], labels.labels()[r]));
        List<String> inputNames = columns.features().stream().map(header.fields()::get).toList();
        return new DataSet(opts.name(), List.copyOf(samples), labels.problem(), labels.numClasses(),
            inputNames, labels.classNames());
    }

    /** Column indices of the features and the label. */
    private record Columns(List<Integer> features, int label) {}

    private static Columns columns(CsvRows.Row header, String labelName) {
        List<String> names = header.fields();
        int line = header.line();
        // pandas writes its index as a first column with an empty name.
        int first = names.get(0).isEmpty() && names.size() > 1 ? 1 : 0;
        Set<String> seen = new HashSet<>();
        for (int c = first; c < names.size(); c++) {
            if (names.get(c).isEmpty()) throw new CsvException(line, "column " + (c + 1) + " has no name");
            if (!seen.add(names.get(c))) throw new CsvException(line, "duplicate column name '" + names.get(c) + "'");
        }
        int label = labelName == null ? names.size() - 1 : names.subList(first, names.size()).indexOf(labelName) + first;
        if (label < first) {
            throw new CsvException(line, "no label column named '" + labelName + "'; columns are "
                + String.join(", ", names.subList(first, names.size())));
        }
        List<Integer> features = new ArrayList<>();
        for (int c = first; c < names.size(); c++) if (c != label) features.add(c);
        if (features.size() < MIN_FEATURES) {
            throw new CsvException(line, "need at least " + MIN_FEATURES + " feature columns besides the label, found "
                + features.size());
        }
        if (features.size() > MAX_FEATURES) {
            throw new CsvException(line, "too many columns: " + features.size() + " features, limit " + MAX_FEATURES);
        }
        return new Columns(List.copyOf(features), label);
    }

    private static CsvException tooLarge(long size) {
        return new CsvException(0, "file too large: " + size + " bytes, limit " + MAX_BYTES + " (" + MAX_SIZE + ")");
    }
}
