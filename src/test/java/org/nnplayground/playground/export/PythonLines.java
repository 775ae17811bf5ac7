package org.nnplayground.playground.export;

import java.util.ArrayList;
import java.util.List;

/**
 * Enough of Python's tokenizer to tell whether text from users changed a script's statements:
 * physical lines end at {@code \n}, {@code \r\n} or a lone {@code \r} (as in CPython), a {@code #}
 * outside a string comments out the rest of its line, and string literals (single or double
 * quotes, backslash escapes) must close on their line. {@link #skeleton} is each line with its
 * comment dropped and its string literals replaced by {@code STR}: two scripts from the same
 * template with different names must have the same skeleton.
 */
final class PythonLines {
    private PythonLines() {}

    /** The physical lines as Python splits them. */
    static List<String> lines(String source) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(source.substring(start, i));
                if (c == '\r' && i + 1 < source.length() && source.charAt(i + 1) == '\n') i++;
                start = i + 1;
            }
        }
        if (start < source.length()) lines.add(source.substring(start));
        return lines;
    }

    /** Each line's code: comments dropped, string literals as {@code STR}; refuses an unclosed string. */
    static List<String> skeleton(String source) {
        List<String> out = new ArrayList<>();
        for (String line : lines(source)) out.add(code(line, null));
        return out;
    }

    /** The values of the string literals on {@code line}, decoded with Python's escapes. */
    static List<String> strings(String line) {
        List<String> values = new ArrayList<>();
        code(line, values);
        return values;
    }

    private static String code(String line, List<String> values) {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '#') break;
            if (c != '"' && c != '\'') {
                code.append(c);
                continue;
            }
            StringBuilder value = new StringBuilder();
            int j = i + 1;
            while (true) {
                if (j >= line.length()) throw new IllegalArgumentException("a string literal does not close on its line: " + line);
                char d = line.charAt(j);
                if (d == c) break;
                if (d == '\\') j = escape(line, j, value);
                else value.append(d);
                j++;
            }
            if (values != null) values.add(value.toString());
            code.append("STR");
            i = j;
        }
        return code.toString();
    }

    /** Decodes the escape at {@code at} (a backslash) into {@code value}; the index of its last character. */
    private static int escape(String line, int at, StringBuilder value) {
        if (at + 1 >= line.length()) throw new IllegalArgumentException("a line ends in a backslash (it would join the next): " + line);
        char e = line.charAt(at + 1);
        int digits = switch (e) {
            case 'x' -> 2;
            case 'u' -> 4;
            case 'U' -> 8;
            default -> 0;
        };
        if (digits == 0) {
            value.append(switch (e) {
                case 'n' -> '\n';
                case 'r' -> '\r';
                case 't' -> '\t';
                default -> e;
            });
            return at + 1;
        }
        value.appendCodePoint(Integer.parseInt(line.substring(at + 2, at + 2 + digits), 16));
        return at + 1 + digits;
    }
}
