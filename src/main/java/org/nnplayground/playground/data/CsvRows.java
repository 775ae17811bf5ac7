package org.nnplayground.playground.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text into rows of fields: UTF-8 BOM and CR before LF are dropped, blank lines
 * skipped, and fields may be quoted RFC 4180 style ("a,b" and "say ""hi"""). A quoted field
 * cannot span lines, which keeps line numbers in error messages exact.
 */
final class CsvRows {

    /** One non-blank line of the file, with its 1-based line number. */
    record Row(int line, List<String> fields) {}

    private CsvRows() {}

    /** All non-blank lines of {@code content}, parsed into fields. */
    static List<Row> parse(String content) {
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        List<Row> rows = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].endsWith("\r") ? lines[n].substring(0, lines[n].length() - 1) : lines[n];
            if (line.isBlank()) continue;
            rows.add(new Row(n + 1, fields(line, n + 1)));
        }
        return rows;
    }

    /** The fields of one line, unquoted and trimmed. */
    static List<String> fields(String line, int lineNumber) {
        List<String> fields = new ArrayList<>();
        int pos = 0;
        while (true) {
            StringBuilder field = new StringBuilder();
            int start = skipSpaces(line, pos);
            if (start < line.length() && line.charAt(start) == '"') {
                pos = readQuoted(line, start + 1, field, lineNumber);
                pos = skipSpaces(line, pos);
                if (pos < line.length() && line.charAt(pos) != ',') {
                    throw new CsvException(lineNumber, "unexpected text after a closing quote");
                }
                fields.add(field.toString());
            } else {
                int comma = line.indexOf(',', pos);
                int end = comma < 0 ? line.length() : comma;
                fields.add(line.substring(pos, end).trim());
                pos = end;
            }
            if (pos >= line.length()) return fields;
            pos++; // past the comma
        }
    }

    /** Reads a quoted field's body from {@code pos}; returns the index after the closing quote. */
    private static int readQuoted(String line, int pos, StringBuilder field, int lineNumber) {
        while (pos < line.length()) {
            char c = line.charAt(pos);
            if (c == '"') {
                if (pos + 1 < line.length() && line.charAt(pos + 1) == '"') {
                    field.append('"');
                    pos += 2;
                    continue;
                }
                return pos + 1;
            }
            field.append(c);
            pos++;
        }
        throw new CsvException(lineNumber, "a quoted field is not closed on this line");
    }

    private static int skipSpaces(String line, int pos) {
        while (pos < line.length() && (line.charAt(pos) == ' ' || line.charAt(pos) == '\t')) pos++;
        return pos;
    }
}
