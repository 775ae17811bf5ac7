package org.nnplayground.playground.link;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Splits a link into decoded key/value pairs, and encodes values for writing. */
final class LinkText {

    /** Characters that would break the key=value&... layout, so they are percent-encoded when written. */
    private static final String RESERVED = "%&=#+";

    private LinkText() { }

    /** One {@code key=value} part; value is null when the part has no '='. */
    record Pair(String key, String value) { }

    /** The key/value pairs of a full URL, a bare hash, or a URL whose query holds the keys. */
    static List<Pair> pairs(String urlOrHash) {
        List<Pair> pairs = new ArrayList<>();
        for (String part : settingsPart(urlOrHash).split("&")) {
            if (part.isBlank()) continue; // "a=1&&b=2" and a trailing '&' are harmless
            int eq = part.indexOf('=');
            pairs.add(eq < 0 ? new Pair(decode(part), null)
                    : new Pair(decode(part.substring(0, eq)), decode(part.substring(eq + 1))));
        }
        return pairs;
    }

    /** The text holding the settings: after '#', else after '?' of a URL, else the whole text. */
    static String settingsPart(String urlOrHash) {
        String text = urlOrHash.trim();
        int hash = text.indexOf('#');
        if (hash >= 0) return text.substring(hash + 1);
        int query = text.indexOf('?');
        if (query >= 0) return text.substring(query + 1);
        return text.contains("://") ? "" : text;
    }

    /** Percent-decodes like JS decodeURIComponent ('+' stays '+'); a stray '%' is kept as it is. */
    static String decode(String text) {
        if (text.indexOf('%') < 0) return text;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
                bytes.write(HexFormat.fromHexDigits(text, i + 1, i + 3));
                i += 3;
            } else {
                int cp = text.codePointAt(i);
                bytes.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(cp);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Leaves TF's plain values as they are (so hashes match TF's exactly); escapes only what would break. */
    static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c > ' ' && c < 0x7f && RESERVED.indexOf(c) < 0) {
                out.append((char) c);
            } else {
                out.append('%').append(HexFormat.of().withUpperCase().toHexDigits((byte) c));
            }
        }
        return out.toString();
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
