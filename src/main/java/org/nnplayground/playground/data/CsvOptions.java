package org.nnplayground.playground.data;

/**
 * How to read a CSV file.
 *
 * @param labelColumn the header name of the label column, or null for the last column
 * @param fileName    the uploaded file's name, used as the data set's name (null for "data.csv")
 */
public record CsvOptions(String labelColumn, String fileName) {

    /** Options with the last column as label. */
    public static CsvOptions defaults(String fileName) {
        return new CsvOptions(null, fileName);
    }

    /** The data set name to use. */
    public String name() {
        return fileName == null || fileName.isBlank() ? "data.csv" : fileName;
    }
}
