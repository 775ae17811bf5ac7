package org.nnplayground.playground.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Decides what a label column means and encodes it in {@link Sample}'s convention:
 * numbers all in {0, 1} or all in {-1, 1} are binary (-1/+1); other numbers are regression;
 * any text makes the distinct values class names, in sorted (String) order: with 2 names the
 * first is -1 and the second +1, with 3..10 names the labels are their indices.
 */
final class CsvLabels {
    /** At most this many classes for text labels. */
    static final int MAX_CLASSES = 10;

    /** The encoded labels and what they mean. */
    record Encoded(double[] labels, Problem problem, int numClasses, List<String> classNames) {}

    private CsvLabels() {}

    /** Encodes raw label cells; {@code lines[i]} is the file line of {@code cells[i]}, for errors. */
    static Encoded encode(List<String> cells, int[] lines, String column) {
        boolean allNumbers = true;
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            if (cell.isEmpty()) throw new CsvException(lines[i], "empty label in column '" + column + "'");
            if (CsvNumbers.isNotFinite(cell)) {
                throw new CsvException(lines[i], "NaN/Infinity is not allowed (column '" + column + "')");
            }
            allNumbers &= CsvNumbers.isNumber(cell);
        }
        return allNumbers ? numeric(cells, lines, column) : named(cells, lines, column);
    }

    private static Encoded numeric(List<String> cells, int[] lines, String column) {
        double[] values = new double[cells.size()];
        boolean zeroOne = true;
        boolean plusMinus = true;
        for (int i = 0; i < values.length; i++) {
            values[i] = CsvNumbers.parse(cells.get(i), lines[i], column);
            zeroOne &= values[i] == 0 || values[i] == 1;
            plusMinus &= values[i] == -1 || values[i] == 1;
        }
        if (zeroOne || plusMinus) {
            for (int i = 0; i < values.length; i++) values[i] = values[i] > 0 ? 1 : -1;
            List<String> names = zeroOne ? List.of("0", "1") : List.of("-1", "1");
            return new Encoded(values, Problem.CLASSIFICATION, 2, names);
        }
        return new Encoded(values, Problem.REGRESSION, 0, List.of());
    }

    private static Encoded named(List<String> cells, int[] lines, String column) {
        // Sorted map: class order does not depend on row order.
        Map<String, Integer> firstLine = new TreeMap<>();
        for (int i = 0; i < cells.size(); i++) {
            firstLine.putIfAbsent(cells.get(i), lines[i]);
            if (firstLine.size() > MAX_CLASSES) {
                throw new CsvException(lines[i], "more than " + MAX_CLASSES + " classes in column '" + column + "'");
            }
        }
        Set<String> names = firstLine.keySet();
        if (names.size() < 2) {
            throw new CsvException(0, "label column '" + column + "' has only one class");
        }
        List<String> classNames = List.copyOf(new ArrayList<>(names));
        double[] values = new double[cells.size()];
        for (int i = 0; i < values.length; i++) {
            int index = classNames.indexOf(cells.get(i));
            values[i] = classNames.size() == 2 ? (index == 1 ? 1 : -1) : index;
        }
        return new Encoded(values, Problem.CLASSIFICATION, classNames.size(), classNames);
    }
}
