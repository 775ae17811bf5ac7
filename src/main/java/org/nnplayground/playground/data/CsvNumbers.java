package org.nnplayground.playground.data;

import java.util.Locale;
import java.util.regex.Pattern;

/** Strict decimal number parsing for CSV cells (Java's parseDouble accepts too much, e.g. "1d", "0x1p3"). */
final class CsvNumbers {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern NOT_FINITE = Pattern.compile("[+-]?(nan|inf|infinity)");

    private CsvNumbers() {}

    /** True when the cell is a plain decimal number. */
    static boolean isNumber(String cell) {
        return DECIMAL.matcher(cell).matches();
    }

    /** True when the cell spells NaN or an infinity. */
    static boolean isNotFinite(String cell) {
        return NOT_FINITE.matcher(cell.toLowerCase(Locale.ROOT)).matches();
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
}
