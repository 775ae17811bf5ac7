package org.nnplayground.playground.link;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** Hidden layer sizes, "4,2"; empty means no hidden layer. Sizes are clamped, too many layers refused. */
final class ShapeCodec implements ValueCodec<List<Integer>> {

    @Override
    public List<Integer> parse(String key, String text, Consumer<String> warnings) {
        if (text.isBlank()) return List.of();
        String[] parts = text.split(",", -1);
        if (parts.length > LinkLimits.MAX_HIDDEN_LAYERS) {
            throw new LinkException(key, parts.length + " hidden layers is more than the "
                    + LinkLimits.MAX_HIDDEN_LAYERS + " allowed");
        }
        List<Integer> sizes = new ArrayList<>(parts.length);
        for (String part : parts) {
            sizes.add(IntCodec.parseInt(key, part, LinkLimits.MIN_NEURONS, LinkLimits.MAX_NEURONS, warnings));
        }
        return List.copyOf(sizes);
    }

    @Override
    public String format(List<Integer> value) {
        return value.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    @Override
    public Map<String, Object> allowed() {
        return Map.of("maxLayers", LinkLimits.MAX_HIDDEN_LAYERS, "min", LinkLimits.MIN_NEURONS, "max", LinkLimits.MAX_NEURONS);
    }

    @Override
    public boolean acceptsEmpty() { return true; }
}
