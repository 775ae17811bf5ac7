package org.nnplayground.playground.link;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/** Entry point: reads TF Playground links (plus our keys) into {@link PlaygroundSettings}. */
public final class PlaygroundLink {

    private PlaygroundLink() { }

    /**
     * Parses a full URL, a URL whose query holds the keys, or a bare hash (with or without '#').
     * Never refuses: unknown keys, clamped values and values that cannot be understood (which fall
     * back to the key's default) become warnings naming the key. A missing seed is drawn from
     * {@code seedSource}.
     */
    public static LinkResult parse(String urlOrHash, RandomGenerator seedSource) {
        List<String> warnings = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        SettingsBuilder builder = new SettingsBuilder();
        for (LinkText.Pair pair : LinkText.pairs(urlOrHash)) {
            if (!seen.add(pair.key())) warnings.add("key '" + pair.key() + "' given twice; the last value is used");
            String value = pair.value() == null ? "" : pair.value();
            if (!builder.applyForgiving(pair.key(), value, warnings::add)) {
                warnings.add("unknown key '" + pair.key() + "' ignored");
            }
        }
        return new LinkResult(builder.build(() -> SeedMaker.fresh(seedSource)), warnings);
    }

    /** TF Playground's default settings with a fresh seed from {@code seedSource}. */
    public static PlaygroundSettings defaults(RandomGenerator seedSource) {
        return new SettingsBuilder().build(() -> SeedMaker.fresh(seedSource));
    }

    /** A fresh seed like TF Playground's {@code Math.random().toFixed(5)}. */
    public static String freshSeed(RandomGenerator seedSource) {
        return SeedMaker.fresh(seedSource);
    }
}
