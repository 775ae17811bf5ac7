package org.nnplayground.playground.link;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How the page shows a setting: a menu of options, a slider with a step, a checkbox, a feature
 * node of the network drawing, or nothing. {@code step} and {@code max} are a slider's. The allowed values and range come from the key's codec.
 */
public record Control(Kind kind, List<Option> options, int step, int max) {

    /** The kinds of control the page renders. */
    public enum Kind { SELECT, SLIDER, CHECKBOX, FEATURE, NONE }

    /** One menu entry: the link value and the words shown. */
    public record Option(String value, String label) { }

    static final Control NONE = new Control(Kind.NONE, List.of(), 0, 0);
    static final Control CHECKBOX = new Control(Kind.CHECKBOX, List.of(), 0, 0);
    static final Control FEATURE = new Control(Kind.FEATURE, List.of(), 0, 0);

    /** A menu from value, label, value, label, ... pairs. */
    static Control select(String... valueLabelPairs) {
        List<Option> options = new ArrayList<>();
        for (int i = 0; i + 1 < valueLabelPairs.length; i += 2) options.add(new Option(valueLabelPairs[i], valueLabelPairs[i + 1]));
        return new Control(Kind.SELECT, List.copyOf(options), 0, 0);
    }

    /** A menu whose labels are the values themselves (numbers). */
    static Control numbers(String... values) {
        return new Control(Kind.SELECT, Arrays.stream(values).map(v -> new Option(v, v)).toList(), 0, 0);
    }

    /** A slider from the codec's minimum to {@code max} (a link may go beyond, up to the codec's maximum). */
    static Control slider(int step, int max) { return new Control(Kind.SLIDER, List.of(), step, max); }
}
