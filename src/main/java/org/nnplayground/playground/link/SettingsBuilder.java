package org.nnplayground.playground.link;

import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Applies link key/values one at a time; the single path both parsing and {@code with} go through. */
final class SettingsBuilder {

    private final Map<LinkKey, Object> values = new EnumMap<>(LinkKey.class);
    private final Set<String> hidden = new LinkedHashSet<>();

    /** Starts from TF Playground's defaults (no seed yet). */
    SettingsBuilder() {
        for (LinkKey key : LinkKey.values()) {
            if (key.defaultValue() != null) values.put(key, key.defaultValue());
        }
    }

    /** Starts from existing settings. */
    SettingsBuilder(Map<LinkKey, Object> values, Set<String> hidden) {
        this.values.putAll(values);
        this.hidden.addAll(hidden);
    }

    /**
     * Like {@link #apply} but never refuses: a value that cannot be understood falls back to the
     * key's default with a warning naming the key (a link must never blank the page).
     */
    boolean applyForgiving(String name, String text, Consumer<String> warnings) {
        try {
            return apply(name, text, warnings);
        } catch (LinkException e) {
            LinkKey.find(name).ifPresentOrElse(key -> {
                reset(key);
                warnings.accept(e.getMessage() + "; using the default" + (key.shows() == null ? "" : " (" + key.shows() + ")"));
            }, () -> warnings.accept(e.getMessage() + "; ignored"));
            return true;
        }
    }

    /** Applies {@code name=text}, a setting or a {@code <control>_hide}; returns false for an unknown name. */
    boolean apply(String name, String text, Consumer<String> warnings) {
        if (name.endsWith(LinkKey.HIDE_SUFFIX) && name.length() > LinkKey.HIDE_SUFFIX.length()) {
            hide(name, text, warnings);
            return true;
        }
        return LinkKey.find(name).map(key -> {
            set(key, text, warnings);
            return true;
        }).orElse(false);
    }

    /** Sets one key from link text; an empty value means "not given" (as TF treats it): the default. */
    void set(LinkKey key, String text, Consumer<String> warnings) {
        if (text.isBlank() && !key.acceptsEmpty()) {
            warnings.accept("empty value for '" + key.key() + "'; using the default");
            reset(key);
        } else {
            values.put(key, key.parse(text, warnings));
        }
    }

    /** Back to the default, or absent for keys without one. */
    void reset(LinkKey key) {
        if (key.defaultValue() == null) values.remove(key);
        else values.put(key, key.defaultValue());
    }

    private void hide(String name, String text, Consumer<String> warnings) {
        String control = name.substring(0, name.length() - LinkKey.HIDE_SUFFIX.length());
        // An empty _hide value shows the control, as TF reads anything but "true".
        if (!text.isBlank() && new BooleanCodec().parse(name, text, warnings)) hidden.add(control);
        else hidden.remove(control);
    }

    /** The finished settings; {@code freshSeed} supplies a seed when none was given. */
    PlaygroundSettings build(Supplier<String> freshSeed) {
        if (!values.containsKey(LinkKey.SEED)) values.put(LinkKey.SEED, freshSeed.get());
        return new PlaygroundSettings(values, hidden);
    }
}
