package org.nnplayground.playground.link;

import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads and writes one kind of link value. {@code parse} clamps out-of-range numbers (reporting a
 * warning) and throws {@link LinkException} for text it cannot understand.
 */
interface ValueCodec<T> {

    /** The typed value of {@code text}, given for {@code key}. */
    T parse(String key, String text, Consumer<String> warnings);

    /** The link text of {@code value}. */
    String format(T value);

    /** False for our extension values (e.g. activation=step) that TF Playground does not know. */
    default boolean isTensorFlowValue(T value) { return true; }

    /** True when an empty value means something (an empty network shape); else it means "not given". */
    default boolean acceptsEmpty() { return false; }

    /** What is allowed, for the page's table: {@code values}, or {@code min}/{@code max}; empty = any text. */
    default Map<String, Object> allowed() { return Map.of(); }
}
