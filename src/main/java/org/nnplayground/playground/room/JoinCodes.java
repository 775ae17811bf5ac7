package org.nnplayground.playground.room;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Join codes: 6 characters read aloud and typed by a class, from an alphabet without look-alikes
 * (no 0/O, 1/I/L, 2/Z, 5/S, 8/B): 25^6, about 244 million codes, so guessing is hopeless
 * with the per-address rate limit. Typing is forgiving: case, spaces and dashes are ignored.
 */
final class JoinCodes {
    static final String ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679";
    static final int LENGTH = 6;

    private final SecureRandom random = new SecureRandom();

    String next() {
        char[] c = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) c[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        return new String(c);
    }

    /** The code as typed, canonical (upper case, no spaces or dashes), or null when it cannot be one. */
    static String normalize(String typed) {
        if (typed == null) return null;
        String c = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (c.length() != LENGTH) return null;
        for (int i = 0; i < c.length(); i++) if (ALPHABET.indexOf(c.charAt(i)) < 0) return null;
        return c;
    }
}
