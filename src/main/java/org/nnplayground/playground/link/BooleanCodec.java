package org.nnplayground.playground.link;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** "true" or "false"; anything else is refused rather than guessed (TF would read it as true). */
final class BooleanCodec implements ValueCodec<Boolean> {

    @Override
    public Boolean parse(String key, String text, Consumer<String> warnings) {
        if (text.equals("true")) return Boolean.TRUE;
        if (text.equals("false")) return Boolean.FALSE;
        throw new LinkException(key, "must be true or false, got '" + text + "'");
    }

    @Override
    public Map<String, Object> allowed() { return Map.of("values", List.of("true", "false")); }

    @Override
    public String format(Boolean value) { return value.toString(); }
}
