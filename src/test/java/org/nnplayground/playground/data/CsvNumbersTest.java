package org.nnplayground.playground.data;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The hand-written number checks against the regular expressions they replace (the oracle). */
class CsvNumbersTest {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern NOT_FINITE = Pattern.compile("[+-]?(nan|inf|infinity)");

    @Test
    void agreesWithTheGrammarOnChosenAndRandomCells() {
        List<String> cells = new ArrayList<>(List.of("", "+", "-", ".", "1", "-1", "+1.", ".5", "-.5", "1.5e3", "1.5E-3", "1e", "1e+",
                "e3", ".e3", "1.2.3", "1d", "0x1p3", " 1", "1 ", "NaN", "-nan", "+Inf", "INFINITY", "infinit", "nanx", "İnf", "1_000",
                "１", "00012", "9".repeat(400), "1e99999"));
        Random r = new Random(3);
        String alphabet = "0123456789+-.eEnaifNAIFty x";
        for (int i = 0; i < 200_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int k = r.nextInt(7); k > 0; k--) b.append(alphabet.charAt(r.nextInt(alphabet.length())));
            cells.add(b.toString());
        }
        for (String cell : cells) {
            assertEquals(DECIMAL.matcher(cell).matches(), CsvNumbers.isNumber(cell), "isNumber('" + cell + "')");
            assertEquals(NOT_FINITE.matcher(cell.toLowerCase(Locale.ROOT)).matches(), CsvNumbers.isNotFinite(cell), "isNotFinite('" + cell + "')");
        }
    }
}
