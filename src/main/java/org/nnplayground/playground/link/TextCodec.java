package org.nnplayground.playground.link;

import java.util.function.Consumer;

/** Free text, taken as given (seed, tutorial). */
final class TextCodec implements ValueCodec<String> {

    @Override
    public String parse(String key, String text, Consumer<String> warnings) { return text; }

    @Override
    public String format(String value) { return value; }
}
