package org.nnplayground.playground.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Expected texts are what JavaScript's String(number) gives. */
class JsNumbersTest {

    @ParameterizedTest
    @CsvSource({
        "10, 10", "0, 0", "-0.0, 0", "0.03, 0.03", "0.3, 0.3", "0.001, 0.001", "1e-5, 0.00001",
        "1e-6, 0.000001", "1e-7, 1e-7", "1.5e-7, 1.5e-7", "123.456, 123.456", "-2.5, -2.5",
        "1e20, 100000000000000000000", "1e21, 1e+21", "1.5e21, 1.5e+21", "2e23, 2e+23",
        "0.30000000000000004, 0.30000000000000004", "5e-324, 5e-324",
        "1.7976931348623157e308, 1.7976931348623157e+308", "9007199254740993, 9007199254740992",
        "0.1, 0.1", "100, 100", "12345678.9, 12345678.9"
    })
    void formatsLikeJavaScript(double value, String js) {
        assertEquals(js, JsNumbers.format(value));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.1, 0.2, 1.0 / 3, Math.PI, 1e-300, 6.02214076e23, 0.00001, 4.35e-7})
    void formattedTextReadsBackToTheSameDouble(double value) {
        assertEquals(value, Double.parseDouble(JsNumbers.format(value)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "", "1d", "0x10", "Infinity", "NaN", "1,5", "--1", "1e"})
    void refusesNonDecimalText(String text) {
        assertTrue(JsNumbers.parse(text).isEmpty());
    }

    @ParameterizedTest
    @CsvSource({"10, 10", "0.03, 0.03", ".5, 0.5", "5., 5", "1e3, 1000", "+2, 2", "-1, -1"})
    void readsDecimalText(String text, double expected) {
        assertEquals(expected, JsNumbers.parse(text).getAsDouble());
    }
}
