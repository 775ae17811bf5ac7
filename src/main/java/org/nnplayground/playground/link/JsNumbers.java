package org.nnplayground.playground.link;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/** Numbers read and written the way JavaScript does, so our links match TF Playground's text. */
public final class JsNumbers {

    /** Plain decimal notation only: no hex, no "Infinity", no Java suffixes like "1d". */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    /** 17 significant digits always identify a double exactly. */
    private static final int MAX_DIGITS = 17;

    /** JS switches to exponent form from 10^21 up. */
    private static final int MAX_PLAIN_EXPONENT = 21;

    /** JS switches to exponent form below 10^-6. */
    private static final int MIN_PLAIN_EXPONENT = -6;

    private JsNumbers() { }

    /** The text JavaScript's {@code String(v)} gives. */
    public static String format(double v) {
        if (Double.isNaN(v)) return "NaN";
        if (Double.isInfinite(v)) return v > 0 ? "Infinity" : "-Infinity";
        if (v == 0) return "0";
        if (v < 0) return "-" + format(-v);
        BigDecimal shortest = shortestRoundTrip(v);
        String digits = shortest.unscaledValue().toString();
        int k = digits.length();
        int n = k - shortest.scale(); // the value is 0.digits x 10^n
        if (k <= n && n <= MAX_PLAIN_EXPONENT) return digits + "0".repeat(n - k);
        if (0 < n && n <= MAX_PLAIN_EXPONENT) return digits.substring(0, n) + "." + digits.substring(n);
        if (MIN_PLAIN_EXPONENT < n && n <= 0) return "0." + "0".repeat(-n) + digits;
        int e = n - 1;
        String exponent = "e" + (e >= 0 ? "+" : "-") + Math.abs(e);
        return k == 1 ? digits + exponent : digits.charAt(0) + "." + digits.substring(1) + exponent;
    }

    /** Parses plain decimal text; returns empty when it is not a number. */
    public static OptionalDouble parse(String text) {
        String t = text.trim();
        if (!DECIMAL.matcher(t).matches()) return OptionalDouble.empty();
        return OptionalDouble.of(Double.parseDouble(t));
    }

    /** Fewest significant digits that still read back as exactly v (the closest such decimal). */
    private static BigDecimal shortestRoundTrip(double v) {
        BigDecimal exact = new BigDecimal(v);
        for (int p = 1; p < MAX_DIGITS; p++) {
            BigDecimal rounded = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (Double.parseDouble(rounded.toString()) == v) return rounded.stripTrailingZeros();
        }
        return exact.round(new MathContext(MAX_DIGITS, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }
}
