package org.nnplayground.playground.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.nnplayground.playground.data.DataSet;
import org.nnplayground.playground.data.Problem;
import org.nnplayground.playground.data.Sample;
import org.nnplayground.playground.link.PlaygroundLink;
import org.nnplayground.playground.session.TrainingRun;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Names from an uploaded CSV go into the Keras script and the TF.js model as data, never as code:
 * whatever the characters, the script has the template's lines and statements, and its string
 * literals give the names back.
 */
class GeneratedCodeTest {
    private static final String ATTACK = "a\rimport os; os.system('id') #";
    /** Every character some reader takes as a line end, quote, escape or direction change. */
    private static final String NASTY;

    static {
        StringBuilder b = new StringBuilder();
        for (char c = 0; c <= 0x20; c++) b.append(c);
        for (char c = 0x7F; c <= 0xA0; c++) b.append(c);
        b.append("\"'`\\#{}<>&$;\u2028\u2029\u200b\u200e\u202e\u2066\ufeff\ud800\udc00\uffff");
        b.append("\udfffßé数据\u00c5").appendCodePoint(0x1D465).appendCodePoint(0x1F600);
        NASTY = b.toString();
    }

    @Test
    void aCarriageReturnInAColumnNameCannotStartAStatement() {
        List<String> names = List.of(ATTACK, "b", "c");
        String py = KerasScript.of(run(names, List.of("x", "y", "z")), "t");
        assertSameStatements(py, names, List.of("x", "y", "z"));
        assertTrue(PythonLines.lines(py).stream().noneMatch(l -> l.startsWith("import os")), py);
    }

    @Test
    void everyControlQuoteAndSeparatorStaysInsideItsString() {
        Random random = new Random(7);
        for (int round = 0; round < 60; round++) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < 3; i++) names.add(randomName(random, round == 0 ? 20_000 : 1 + random.nextInt(40)) + i);
            List<String> classes = List.of(randomName(random, 12) + "0", randomName(random, 12) + "1", String.valueOf(NASTY));
            String py = KerasScript.of(run(names, classes), NASTY);
            assertSameStatements(py, names, classes);
        }
        List<String> each = new ArrayList<>();
        NASTY.codePoints().forEach(cp -> each.add("n" + Character.toString(cp)));
        for (int i = 0; i + 3 <= each.size(); i += 3) assertSameStatements(KerasScript.of(run(each.subList(i, i + 3), List.of("p", "q", "r")), "t"),
                each.subList(i, i + 3), List.of("p", "q", "r"));
    }

    @Test
    void pythonItselfParsesTheTemplatesStatementsWhereItIsInstalled() throws Exception {
        if (python() == null) return; // the Java model above stands in for Python where there is none
        List<String> names = List.of(ATTACK, NASTY, "x\u2028y\u0085z\fw\u000bv");
        List<String> classes = List.of("'''", "\"\"\"", "\\");
        String hostile = KerasScript.of(run(names, classes), NASTY);
        String plain = KerasScript.of(run(List.of("a", "b", "c"), List.of("x", "y", "z")), "t");
        String[] parsedHostile = parse(hostile).split("\n");
        String[] parsedPlain = parse(plain).split("\n");
        assertEquals(parsedPlain[0], parsedHostile[0], "top-level statements");
        ObjectMapper json = new ObjectMapper();
        assertEquals(names, json.readValue(parsedHostile[1], List.class));
        assertEquals(classes, json.readValue(parsedHostile[2], List.class));
    }

    @Test
    void theTfjsModelsJsonCarriesTheNamesAsPlainData() throws Exception {
        List<String> names = List.of(ATTACK, NASTY, "</script><script>alert(1)</script>");
        String model = TfjsModel.modelJson(run(names, List.of("p", "q", "r")));
        model.codePoints().forEach(cp -> assertTrue(cp == '\n' || CodeText.plain(cp), () -> "U+" + Integer.toHexString(cp) + " written raw"));
        assertTrue(!model.contains("</"), "a page embedding the JSON keeps its script element");
        JsonNode inputs = new ObjectMapper().readTree(model).path("userDefinedMetadata").path("inputs");
        List<String> back = new ArrayList<>();
        inputs.forEach(n -> back.add(n.asText()));
        assertEquals(names, back);
    }

    /** The script's lines are the template's, every character is plain, and the literals give the names back. */
    private static void assertSameStatements(String py, List<String> names, List<String> classes) {
        String template = KerasScript.of(run(List.of("a", "b", "c"), List.of("x", "y", "z")), "t");
        assertEquals(PythonLines.skeleton(template), PythonLines.skeleton(py), "the script's code outside strings and comments");
        py.codePoints().forEach(cp -> assertTrue(cp == '\n' || CodeText.plain(cp), () -> "U+" + Integer.toHexString(cp) + " written raw"));
        assertEquals(names, literals(py, "column_names = "));
        assertEquals(classes, literals(py, "class_names = "));
    }

    private static List<String> literals(String py, String prefix) {
        return PythonLines.strings(PythonLines.lines(py).stream().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow());
    }

    private static String randomName(Random random, int length) {
        int[] pool = NASTY.codePoints().toArray();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) b.appendCodePoint(random.nextInt(3) == 0 ? 'a' + random.nextInt(26) : pool[random.nextInt(pool.length)]);
        return b.toString();
    }

    /** Three input columns, three classes: names go into comments and into column_names and class_names. */
    private static TrainingRun run(List<String> inputs, List<String> classes) {
        List<Sample> samples = new ArrayList<>();
        Random random = new Random(1);
        for (int i = 0; i < 30; i++) samples.add(new Sample(new double[] {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()}, i % 3));
        DataSet data = new DataSet("upload.csv", samples, Problem.CLASSIFICATION, 3, inputs, classes);
        return TrainingRun.create(PlaygroundLink.parse("networkShape=2&seed=0.1", new SecureRandom()).settings(), data);
    }

    private static String python() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir, "python3");
            if (Files.isExecutable(p)) return p.toString();
        }
        return null;
    }

    /** Python's own parser: the count of top-level statements, then column_names and class_names as JSON. */
    private static String parse(String source) throws IOException, InterruptedException {
        Path file = Files.createTempFile("keras", ".py");
        try {
            Files.writeString(file, source, StandardCharsets.UTF_8);
            String code = "import ast,json,sys\n"
                    + "t=ast.parse(open(sys.argv[1],encoding='utf-8',newline='').read())\n"
                    + "v={s.targets[0].id: ast.literal_eval(s.value) for s in t.body if isinstance(s, ast.Assign) and isinstance(s.targets[0], ast.Name) and s.targets[0].id.endswith('_names')}\n"
                    + "print(len(t.body)); print(json.dumps(v['column_names'])); print(json.dumps(v['class_names']))\n";
            Process p = new ProcessBuilder(python(), "-c", code, file.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "python3 answers");
            assertEquals(0, p.exitValue(), out);
            return out;
        } finally {
            Files.delete(file);
        }
    }
}
