package org.nnplayground.playground.link;

/**
 * The link's {@code data} value: where the points come from when not from a generator the link
 * names. A link cannot carry a CSV file or drawn points, so it says so instead of naming a TF data
 * set the run is not using.
 */
public enum DataOrigin {
    /** The student's own data (a CSV file, an example file, drawn points), held by the page that made the run. */
    LOCAL("local");

    private final String key;

    DataOrigin(String key) { this.key = key; }

    /** The value used in links. */
    public String key() { return key; }
}
