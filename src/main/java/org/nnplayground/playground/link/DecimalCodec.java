package org.nnplayground.playground.link;

import java.util.Map;
import java.util.function.Consumer;

/** A number within [min, max]; outside values are clamped with a warning. */
final class DecimalCodec implements ValueCodec<Double> {

    private final double min;
    private final double max;

    DecimalCodec(double min, double max) {
        this.min = min;
        this.max = max;
    }

    @Override
    public Double parse(String key, String text, Consumer<String> warnings) {
        String range = JsNumbers.format(min) + ".." + JsNumbers.format(max);
        double v = JsNumbers.parse(text).orElseThrow(() -> new LinkException(key,
                "must be a number from " + range + ", got '" + text + "'"));
        if (v < min || v > max) {
            double clamped = v < min ? min : max;
            warnings.accept(key + " " + text + " is out of range " + range + "; using " + JsNumbers.format(clamped));
            return clamped;
        }
        return v;
    }

    @Override
    public Map<String, Object> allowed() { return Map.of("min", min, "max", max); }

    @Override
    public String format(Double value) { return JsNumbers.format(value); }
}
