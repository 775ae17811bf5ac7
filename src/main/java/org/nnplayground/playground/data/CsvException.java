package org.nnplayground.playground.data;

/** A CSV file that cannot be used as a data set; the message names the 1-based line when there is one. */
public class CsvException extends IllegalArgumentException {
    private final int line;

    /** A problem on {@code line} (the header is line 1); 0 when no single line is to blame. */
    public CsvException(int line, String reason) {
        super(line > 0 ? "line " + line + ": " + reason : reason);
        this.line = line;
    }

    /** The 1-based line at fault, or 0 for whole-file problems. */
    public int line() { return line; }
}
