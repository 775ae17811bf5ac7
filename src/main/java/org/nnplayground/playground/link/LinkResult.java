package org.nnplayground.playground.link;

import java.util.List;

/** Settings read from a link, with the human-readable warnings about what was ignored or clamped. */
public record LinkResult(PlaygroundSettings settings, List<String> warnings) {

    /** Keeps an unmodifiable copy of the warnings. */
    public LinkResult {
        warnings = List.copyOf(warnings);
    }
}
