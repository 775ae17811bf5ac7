package org.nnplayground.playground.data;

/**
 * Strict decimal number parsing for CSV cells (Java's parseDouble accepts too much, e.g. "1d", "0x1p3").
 * The grammar is {@code [+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?}, checked by hand in one pass without
 * allocating, because an upload checks every cell: regular expressions and a lower-cased copy per
 * cell made a 10,000 x 32 file several times slower to read.
 */
final class CsvNumbers {
    private CsvNumbers() {}

    /** True when the cell is a plain decimal number. */
    static boolean isNumber(String cell) {
        int n = cell.length();
        int i = sign(cell);
        int digits = 0;
        while (i < n && isDigit(cell.charAt(i))) { i++; digits++; }
        if (i < n && cell.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(cell.charAt(i))) { i++; digits++; }
        }
        if (digits == 0) return false;
        if (i < n && (cell.charAt(i) == 'e' || cell.charAt(i) == 'E')) {
            i++;
            if (i < n && (cell.charAt(i) == '+' || cell.charAt(i) == '-')) i++;
            int exponent = 0;
            while (i < n && isDigit(cell.charAt(i))) { i++; exponent++; }
            if (exponent == 0) return false;
        }
        return i == n;
    }

    /** True when the cell spells NaN or an infinity ({@code [+-]?(nan|inf|infinity)}, any case). */
    static boolean isNotFinite(String cell) {
        int from = sign(cell);
        return spells(cell, from, "nan") || spells(cell, from, "inf") || spells(cell, from, "infinity");
    }

    /** Parses a cell of a number column, rejecting text, NaN and infinities (also by overflow). */
    static double parse(String cell, int line, String column) {
        if (isNotFinite(cell)) throw new CsvException(line, "NaN/Infinity is not allowed (column '" + column + "')");
        if (!isNumber(cell)) {
            throw new CsvException(line, "expected a number in column '" + column + "' but found '" + cell + "'");
        }
        double value = Double.parseDouble(cell);
        if (Double.isInfinite(value)) {
            throw new CsvException(line, "NaN/Infinity is not allowed (column '" + column + "' overflows)");
        }
        return value;
    }

    private static int sign(String cell) {
        return !cell.isEmpty() && (cell.charAt(0) == '+' || cell.charAt(0) == '-') ? 1 : 0;
    }

    private static boolean isDigit(char c) { return c >= '0' && c <= '9'; }

    /** True when {@code cell} from {@code from} on is {@code word} (lower-case ASCII) in any ASCII case. */
    private static boolean spells(String cell, int from, String word) {
        if (cell.length() - from != word.length()) return false;
        for (int k = 0; k < word.length(); k++) {
            char c = cell.charAt(from + k);
            if ((c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) != word.charAt(k)) return false;
        }
        return true;
    }
}
