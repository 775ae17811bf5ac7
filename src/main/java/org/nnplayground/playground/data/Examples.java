package org.nnplayground.playground.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The example CSV files shipped with the project (folder {@code data/examples}, in the jar under
 * {@code web/data/examples/}, served at {@code /web/data/examples/<file>}).
 */
public record Examples(String file, String label, String description) {

    /** Where the files sit on the class path (and under /web/ for the page). */
    public static final String RESOURCE_FOLDER = "/web/data/examples/";

    /** Every shipped example. */
    public static final List<Examples> ALL = List.of(
            new Examples("one_circle.csv", "One circle (2 features)",
                    "Grokking ML's points inside and outside a circle: labels 0/1, columns x_1, x_2"),
            new Examples("three_species.csv", "Three species (4 features, 3 classes)",
                    "Bill, flipper and body measurements of three penguin-like species"),
            new Examples("house_prices.csv", "House prices (4 features, regression)",
                    "Rooms, area, age and distance to the centre against the price"));

    /** The example with this file name (with or without ".csv"), if any. */
    public static Optional<Examples> find(String name) {
        String file = name.endsWith(".csv") ? name : name + ".csv";
        return ALL.stream().filter(e -> e.file.equals(file)).findFirst();
    }

    /** The file's text. */
    public String read() throws IOException {
        try (InputStream in = Examples.class.getResourceAsStream(RESOURCE_FOLDER + file)) {
            if (in == null) throw new IOException("the example " + file + " is missing from this build");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
