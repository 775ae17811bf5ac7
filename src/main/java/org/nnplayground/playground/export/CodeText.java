package org.nnplayground.playground.export;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one way text from users (column and class names, links, notes) enters generated Python,
 * JavaScript or JSON. A character is written as itself only when it is printable ASCII or a
 * letter or digit beyond ASCII; everything else (every control character, line and paragraph
 * separators, format and bidi characters, lone surrogates) becomes an escape, so no name can end
 * a line, a comment or a string, whatever a reader counts as a line end.
 */
public final class CodeText {
    /** A JSON writer with the same rule: its output stays on the lines the writer chose. */
    public static final ObjectMapper JSON = new ObjectMapper();

    static {
        JSON.getFactory().setCharacterEscapes(new JsonEscapes());
    }

    private CodeText() {}

    /** True when {@code cp} may be written as itself inside generated code. */
    static boolean plain(int cp) {
        if (cp >= 0x20 && cp < 0x7F) return true;
        return cp >= 0xA0 && !Character.isSurrogate((char) Math.min(cp, 0xFFFF)) && Character.isLetterOrDigit(cp);
    }

    /** A Python string literal in double quotes whose value is {@code text}. */
    public static String python(String text) {
        return '"' + pythonBody(text) + '"';
    }

    /** {@code text} for a Python {@code #} comment: one line, with Python's escapes for the rest. */
    public static String pythonComment(String text) {
        return pythonBody(text);
    }

    private static String pythonBody(String text) {
        StringBuilder b = new StringBuilder(text.length() + 8);
        text.codePoints().forEach(cp -> {
            if (cp == '\\' || cp == '"') b.append('\\').append((char) cp);
            else if (plain(cp)) b.appendCodePoint(cp);
            else if (cp <= 0xFF) b.append(String.format("\\x%02x", cp));
            else if (cp <= 0xFFFF) b.append(String.format("\\u%04x", cp));
            else b.append(String.format("\\U%08x", cp));
        });
        return b.toString();
    }

    /** Jackson's escapes plus every character {@link #plain} refuses, and {@code < > &} for pages. */
    private static final class JsonEscapes extends CharacterEscapes {
        private final int[] ascii = CharacterEscapes.standardAsciiEscapesForJSON();

        JsonEscapes() {
            ascii['<'] = ESCAPE_STANDARD;
            ascii['>'] = ESCAPE_STANDARD;
            ascii['&'] = ESCAPE_STANDARD;
            ascii[0x7F] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() { return ascii; }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return plain(ch) ? null : new SerializedString(String.format("\\u%04x", ch));
        }
    }
}
