package org.nnplayground.playground.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvImportTest {
    private static final CsvOptions OPTS = CsvOptions.defaults("t.csv");

    private static DataSet read(String csv) {
        return CsvImport.read(csv, OPTS);
    }

    private static CsvException fails(String csv, CsvOptions opts, String... parts) {
        CsvException e = assertThrows(CsvException.class, () -> CsvImport.read(csv, opts));
        for (String part : parts) assertTrue(e.getMessage().contains(part), "'" + e.getMessage() + "' lacks '" + part + "'");
        return e;
    }

    private static CsvException fails(String csv, String... parts) {
        return fails(csv, OPTS, parts);
    }

    @Test
    void readsPandasFileAndDropsTheIndexColumn() throws IOException {
        DataSet d;
        try (Reader r = new InputStreamReader(getClass().getResourceAsStream("/datasets/one_circle.csv"), StandardCharsets.UTF_8)) {
            d = CsvImport.read(r, CsvOptions.defaults("one_circle.csv"));
        }
        assertEquals("one_circle.csv", d.name());
        assertEquals(110, d.samples().size());
        assertEquals(List.of("x_1", "x_2"), d.inputNames());
        assertEquals(Problem.CLASSIFICATION, d.problem());
        assertEquals(2, d.numClasses());
        assertEquals(List.of("0", "1"), d.classNames());
        Sample first = d.samples().get(0); // 0,-0.759415996185977,2.7532400952557747,0
        assertArrayEquals(new double[] {-0.759415996185977, 2.7532400952557747}, first.inputs(), 0.0);
        assertEquals(-1, first.label());
        assertTrue(d.samples().stream().anyMatch(s -> s.label() == 1));
        assertTrue(d.samples().stream().allMatch(s -> s.label() == 1 || s.label() == -1));
    }

    @Test
    void readsFromAPath(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("p.csv");
        Files.writeString(file, "a,b,y\n1,2,-1\n3,4,1\n");
        DataSet d = CsvImport.read(file, CsvOptions.defaults("p.csv"));
        assertEquals(List.of("-1", "1"), d.classNames());
        assertEquals(1, d.samples().get(1).label());
    }

    @Test
    void handlesBomCrlfQuotesAndBlankLines() {
        DataSet d = read("\uFEFF\"x, one\",x2,\"the \"\"label\"\"\"\r\n\"1.5\",2,3.25\r\n\r\n-1,.5,7e-1\r\n\r\n\r\n");
        assertEquals(List.of("x, one", "x2"), d.inputNames());
        assertEquals(2, d.samples().size());
        assertEquals(Problem.REGRESSION, d.problem());
        assertEquals(0, d.numClasses());
        assertEquals(List.of(), d.classNames());
        assertArrayEquals(new double[] {-1, 0.5}, d.samples().get(1).inputs(), 0.0);
        assertEquals(0.7, d.samples().get(1).label(), 0.0);
    }

    @Test
    void labelColumnCanBeChosenByName() {
        DataSet d = CsvImport.read("y,a,b\n1,2,3\n0,5,6\n", new CsvOptions("y", "f"));
        assertEquals(List.of("a", "b"), d.inputNames());
        assertEquals(1, d.samples().get(0).label());
        assertEquals(-1, d.samples().get(1).label());
    }

    @Test
    void twoTextClassesAreBinaryInSortedOrder() {
        DataSet d = read("a,b,mood\n1,2,sad\n3,4,happy\n5,6,sad\n");
        assertEquals(2, d.numClasses());
        assertEquals(List.of("happy", "sad"), d.classNames());
        assertEquals(1, d.samples().get(0).label());
        assertEquals(-1, d.samples().get(1).label());
    }

    @Test
    void threeTextClassesAreIndicesInSortedOrder() {
        DataSet d = read("a,b,c\n1,2,virginica\n3,4,setosa\n5,6,versicolor\n7,8,setosa\n");
        assertEquals(3, d.numClasses());
        assertEquals(List.of("setosa", "versicolor", "virginica"), d.classNames());
        assertArrayEquals(new double[] {2, 0, 1, 0},
            d.samples().stream().mapToDouble(Sample::label).toArray(), 0.0);
    }

    @Test
    void wrongColumnCount() {
        assertEquals(3, fails("a,b,y\n1,2,0\n1,2\n", "line 3", "expected 3 columns but found 2").line());
    }

    @Test
    void textInANumberColumn() {
        fails("a,b,y\n1,2,0\n1,abc,1\n", "line 3", "'b'", "abc");
        fails("a,b,y\n1,0x1p3,0\n", "line 2");
        fails("a,b,y\n1,,0\n", "line 2", "column 'b'");
    }

    @Test
    void emptyFile() {
        fails("", "line 1", "empty");
        fails("\uFEFF\n\n", "line 1", "empty");
    }

    @Test
    void headerOnly() {
        fails("a,b,y\n\n", "line 1", "no data rows");
    }

    @Test
    void fewerThanTwoFeatureColumns() {
        fails("a,y\n1,0\n", "line 1", "at least 2 feature columns");
        fails(",a,y\n0,1,0\n", "line 1", "at least 2 feature columns");
    }

    @Test
    void unknownLabelColumn() {
        fails("a,b,y\n1,2,0\n", new CsvOptions("label", null), "line 1", "'label'", "a, b, y");
    }

    @Test
    void duplicateOrEmptyColumnNames() {
        fails("a,b,a\n1,2,0\n", "line 1", "duplicate column name 'a'");
        fails("a,,y\n1,2,0\n", "line 1", "column 2 has no name");
    }

    @Test
    void tooManyRows() {
        StringBuilder sb = new StringBuilder("a,b,y\n");
        for (int i = 0; i < CsvImport.MAX_ROWS; i++) sb.append("1,2,0\n");
        assertEquals(CsvImport.MAX_ROWS, read(sb.toString()).samples().size());
        sb.append("1,2,0\n");
        fails(sb.toString(), "line " + (CsvImport.MAX_ROWS + 2), "more than 10000 data rows");
    }

    @Test
    void tooManyColumns() {
        StringBuilder header = new StringBuilder();
        StringBuilder row = new StringBuilder();
        for (int c = 0; c <= CsvImport.MAX_FEATURES; c++) {
            header.append("f").append(c).append(',');
            row.append("1,");
        }
        fails(header + "y\n" + row + "0\n", "line 1", "too many columns", "33");
    }

    @Test
    void fileTooLarge() throws IOException {
        String big = "a,b,y\n" + "1,2,0\n".repeat(CsvImport.MAX_BYTES / 6 + 1);
        CsvException e = fails(big, "too large");
        assertEquals(0, e.line());
        assertThrows(CsvException.class, () -> CsvImport.read(new StringReader(big), OPTS));
        // Multi-byte text counts in bytes, not chars.
        String wide = "a,b,y\n1,2,\"" + "\u00e9".repeat(CsvImport.MAX_BYTES / 2) + "\"\n";
        assertTrue(wide.length() < CsvImport.MAX_BYTES);
        fails(wide, "too large");
    }

    @Test
    void nanAndInfinityAreRejected() {
        fails("a,b,y\n1,2,0\nNaN,2,1\n", "line 3", "NaN/Infinity");
        fails("a,b,y\n1,-Infinity,0\n", "line 2", "NaN/Infinity");
        fails("a,b,y\n1,1e400,0\n", "line 2", "NaN/Infinity");
        fails("a,b,y\n1,2,0.5\n1,2,nan\n", "line 3", "NaN/Infinity");
    }

    @Test
    void labelProblems() {
        fails("a,b,y\n1,2,0\n1,2,\n", "line 3", "empty label");
        fails("a,b,y\n1,2,cat\n3,4,cat\n", "only one class");
        StringBuilder sb = new StringBuilder("a,b,y\n");
        for (int i = 0; i < 11; i++) sb.append("1,2,c").append(i).append('\n');
        fails(sb.toString(), "line 12", "more than 10 classes");
    }

    @Test
    void unclosedQuote() {
        fails("a,b,y\n1,\"2,0\n", "line 2", "quoted field");
        fails("a,b,y\n1,\"2\"x,0\n", "line 2", "closing quote");
    }
}
