package org.nnplayground.playground.data;

import java.util.Random;

/** The largest CSV the limits allow, for the hostile tests and benchmark: seeded, so always the same. */
public final class WideCsv {
    private WideCsv() {}

    /** The file itself (for POST /api/csv). */
    public static String text() { return jsonEscaped().replace("\\n", "\n"); }

    /** 10,000 rows x 32 features and a cat/dog label, JSON-escaped (about 1.6 MB). */
    public static String jsonEscaped() {
        StringBuilder b = new StringBuilder();
        for (int c = 0; c < 32; c++) b.append('f').append(c).append(',');
        b.append("label\\n");
        Random r = new Random(7);
        for (int row = 0; row < 10_000; row++) {
            for (int c = 0; c < 32; c++) b.append(r.nextInt(900) / 100.0).append(',');
            b.append(r.nextBoolean() ? "cat" : "dog").append("\\n");
        }
        return b.toString();
    }
}
