package org.nnplayground.playground.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Command-line arguments: positionals plus --flag [value] options, checked against what a command knows. */
public record CliArgs(List<String> positionals, Map<String, String> options) {

    /** Parses {@code args}; {@code switches} take no value, {@code valued} take one. */
    public static CliArgs parse(String[] args, Set<String> switches, Set<String> valued) {
        List<String> pos = new ArrayList<>();
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                pos.add(a);
                continue;
            }
            String name = a.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (switches.contains(name)) {
                opts.put(name, "true");
            } else if (valued.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.length) throw new IllegalArgumentException("--" + name + " needs a value");
                    value = args[++i];
                }
                opts.put(name, value);
            } else {
                throw new IllegalArgumentException("unknown option --" + name);
            }
        }
        return new CliArgs(List.copyOf(pos), Map.copyOf(opts));
    }

    public boolean has(String name) { return options.containsKey(name); }

    public String get(String name, String fallback) { return options.getOrDefault(name, fallback); }

    /** An integer option within [min, max], or the fallback. */
    public int intOption(String name, int fallback, int min, int max) {
        String v = options.get(name);
        if (v == null) return fallback;
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) throw new IllegalArgumentException("--" + name + " must be in " + min + ".." + max + " (got " + n + ")");
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number (got '" + v + "')");
        }
    }
}
