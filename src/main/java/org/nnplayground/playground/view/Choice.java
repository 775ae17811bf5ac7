package org.nnplayground.playground.view;

import java.util.Arrays;
import java.util.List;

/** One option of a select: the value sent to the server (TF Playground's) and the label shown. */
record Choice(String value, String label) {

    /** Options whose label is their value (numbers). */
    static List<Choice> plain(String... values) {
        return Arrays.stream(values).map(v -> new Choice(v, v)).toList();
    }
}
