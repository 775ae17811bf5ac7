package org.nnplayground.playground.link;

import java.util.Map;
import java.util.function.Consumer;

/** A whole number within [min, max]; outside values are clamped with a warning. */
final class IntCodec implements ValueCodec<Integer> {

    private final int min;
    private final int max;
    /** Largest value TF Playground itself takes (above it the link is ours). */
    private final int tfMax;

    IntCodec(int min, int max) {
        this(min, max, max);
    }

    IntCodec(int min, int max, int tfMax) {
        this.min = min;
        this.max = max;
        this.tfMax = tfMax;
    }

    @Override
    public boolean isTensorFlowValue(Integer value) { return value <= tfMax; }

    @Override
    public Integer parse(String key, String text, Consumer<String> warnings) {
        return parseInt(key, text, min, max, warnings);
    }

    @Override
    public Map<String, Object> allowed() { return Map.of("min", min, "max", max, "whole", true); }

    @Override
    public String format(Integer value) { return value.toString(); }

    /** Shared with the network shape, whose entries follow the same rules. */
    static int parseInt(String key, String text, int min, int max, Consumer<String> warnings) {
        double v = JsNumbers.parse(text).orElseThrow(() -> new LinkException(key,
                "must be a whole number from " + min + " to " + max + ", got '" + text + "'"));
        if (v != Math.rint(v)) {
            throw new LinkException(key, "must be a whole number from " + min + " to " + max + ", got '" + text + "'");
        }
        if (v < min || v > max) {
            int clamped = v < min ? min : max;
            warnings.accept(key + " " + text + " is out of range " + min + ".." + max + "; using " + clamped);
            return clamped;
        }
        return (int) v;
    }
}
