package org.nnplayground.playground.link;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/** One of a fixed list of enum values, matched by link key; TF's values first, then ours. */
final class ChoiceCodec<E extends Enum<E>> implements ValueCodec<E> {

    private final Function<E, String> keyOf;
    private final List<E> tensorFlowValues;
    private final List<E> allValues;

    ChoiceCodec(Function<E, String> keyOf, List<E> tensorFlowValues, List<E> ourValues) {
        this.keyOf = keyOf;
        this.tensorFlowValues = List.copyOf(tensorFlowValues);
        List<E> all = new ArrayList<>(tensorFlowValues);
        all.addAll(ourValues);
        this.allValues = List.copyOf(all);
    }

    /** All values of the enum, none of them an extension of ours. */
    static <E extends Enum<E>> ChoiceCodec<E> all(Function<E, String> keyOf, E[] values) {
        return new ChoiceCodec<>(keyOf, List.of(values), List.of());
    }

    @Override
    public E parse(String key, String text, Consumer<String> warnings) {
        for (E e : allValues) if (keyOf.apply(e).equals(text)) return e;
        throw new LinkException(key, "unknown value '" + text + "' (allowed: " + allowedText() + ")");
    }

    @Override
    public String format(E value) { return keyOf.apply(value); }

    @Override
    public boolean isTensorFlowValue(E value) { return tensorFlowValues.contains(value); }

    @Override
    public Map<String, Object> allowed() { return Map.of("values", allValues.stream().map(keyOf).toList()); }

    /** True when {@code value} is one of this codec's values. */
    boolean contains(Object value) { return allValues.contains(value); }

    private String allowedText() {
        return allValues.stream().map(keyOf).collect(Collectors.joining(", "));
    }
}
