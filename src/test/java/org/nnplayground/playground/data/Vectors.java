package org.nnplayground.playground.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Loads the TF Playground reference vectors from the test classpath. */
final class Vectors {
    private Vectors() {}

    /** Parses {@code /tf-vectors/<name>.json}. */
    static JsonNode load(String name) {
        String path = "/tf-vectors/" + name + ".json";
        try (InputStream in = Vectors.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("missing test resource " + path);
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
