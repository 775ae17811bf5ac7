package org.nnplayground.playground.web;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Flags ({@code --max-sessions 5} or {@code --max-sessions=5}) over environment variables ({@code MAX_SESSIONS}). */
final class ConfigSource {
    private final Map<String, String> flags = new HashMap<>();
    private final Map<String, String> env;

    ConfigSource(String[] args, Map<String, String> env) {
        this.env = env;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) throw new IllegalArgumentException("unexpected argument '" + a + "'");
            String name = a.substring(2);
            int eq = name.indexOf('=');
            if (eq >= 0) {
                flags.put(name.substring(0, eq), name.substring(eq + 1));
            } else {
                if (i + 1 >= args.length) throw new IllegalArgumentException("--" + name + " needs a value");
                flags.put(name, args[++i]);
            }
        }
    }

    String text(String name, String fallback) {
        String v = flags.remove(name);
        if (v != null) return v;
        return env.getOrDefault(envName(name), fallback);
    }

    int integer(String name, int fallback, int min, int max) {
        String v = text(name, null);
        if (v == null) return fallback;
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min || n > max) throw new IllegalArgumentException(name + " must be in " + min + ".." + max + " (got " + n + ")");
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number (got '" + v + "')");
        }
    }

    void rejectUnknown() {
        if (!flags.isEmpty()) throw new IllegalArgumentException("unknown option --" + flags.keySet().iterator().next());
    }

    private static String envName(String flag) {
        return flag.replace('-', '_').toUpperCase(Locale.ROOT);
    }
}
