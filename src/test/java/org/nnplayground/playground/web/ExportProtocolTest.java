package org.nnplayground.playground.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nnplayground.playground.data.CsvImport;
import org.nnplayground.playground.data.CsvOptions;
import org.nnplayground.playground.data.DataSet;
import org.nnplayground.playground.link.PlaygroundLink;
import org.nnplayground.playground.nn.Activation;
import org.nnplayground.playground.session.RunSnapshotTest;
import org.nnplayground.playground.session.TrainingRun;
import org.nnplayground.playground.store.StoreSettings;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The exports of saved runs, checked by engines nobody here wrote: @tensorflow/tfjs in Node loads
 * the TF.js model over HTTP and predicts the 100x100 grid (within 1e-5 of the server); Python
 * compiles the Keras script, whose layers and weight shapes must match the TF.js model's.
 * TF.js comes from TFJS_MODULES (scripts/test.sh installs it), else npm installs it under target/.
 */
class ExportProtocolTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int GRID = 100;
    private static final int EPOCHS = 20;
    private static Path dir;
    private static PlaygroundServer server;

    @BeforeAll
    static void start() throws IOException {
        dir = Files.createTempDirectory("export-test");
        server = PlaygroundServer.start(ServerConfig.defaults().withHost("127.0.0.1").withPort(0)
                .withStore(new StoreSettings(dir.resolve("data"), null, 90, 1000, StoreSettings.DEFAULT_MAX_RUN_BYTES)));
    }

    @AfterAll
    static void stop() { server.stop(); }

    @Test
    void tfExactTanhWithFeatures() throws Exception {
        check("dataset=circle&networkShape=4,2&seed=0.3&sinX=true&xSquared=true&xTimesY=true&regularization=L2&regularizationRate=0.001", null);
    }

    @Test
    void softmaxWithDropoutOnThreeClasses() throws Exception {
        check("dataset=spiral3&networkShape=16,8&activation=relu&optimizer=adam&learningRate=0.01&dropout=0.2&seed=0.4&init=he", null);
    }

    @Test
    void regression() throws Exception {
        check("problem=regression&regDataset=reg-gauss&networkShape=5&activation=sigmoid&seed=0.6&init=glorot", null);
    }

    @Test
    void theBookNetworkOnACsv() throws Exception {
        check(RunSnapshotTest.BOOK, Files.readString(Path.of("src/test/resources/datasets/one_circle.csv")));
    }

    private void check(String link, String csv) throws Exception {
        String id = post(link, csv);
        TrainingRun run = headless(link, csv);
        boolean translated = run.spec().outputActivation() == Activation.TANH && run.split().source().numClasses() == 2;
        List<double[]> inputs = new ArrayList<>();
        List<double[]> expected = new ArrayList<>();
        for (int r = 0; r < GRID; r++) {
            for (int c = 0; c < GRID; c++) {
                double[] point = {-6 + 12.0 * c / (GRID - 1), 6 - 12.0 * r / (GRID - 1)};
                double[] in = run.encodeInputs(point);
                double[] out = run.trainer().predict(in);
                if (translated) out[0] = (out[0] + 1) / 2; // the export's sigmoid(2z) = (tanh(z) + 1) / 2
                inputs.add(in);
                expected.add(out);
            }
        }
        JsonNode tfjs = runTfjs(id, inputs);
        JsonNode predictions = tfjs.get("predictions");
        assertEquals(GRID * GRID, predictions.size());
        double worst = 0;
        for (int i = 0; i < expected.size(); i++) {
            for (int k = 0; k < expected.get(i).length; k++) worst = Math.max(worst, Math.abs(predictions.get(i).get(k).asDouble() - expected.get(i)[k]));
        }
        assertTrue(worst <= 1e-5, "TF.js predictions differ from the server's by " + worst);

        Path script = dir.resolve(id + ".py");
        Files.write(script, getBytes("/api/runs/" + id + "/keras.py"));
        assertEquals(0, exec(List.of("python3", "-m", "py_compile", script.toString())).exit, "keras.py compiles");
        Result shapes = exec(List.of("python3", Path.of("src/test/python/keras_shapes.py").toString(), script.toString()));
        assertEquals(0, shapes.exit, shapes.output);
        JsonNode keras = JSON.readTree(shapes.output);
        List<List<Object>> tfjsDense = new ArrayList<>();
        List<JsonNode> tfjsShapes = new ArrayList<>();
        for (JsonNode layer : tfjs.get("layers")) {
            if (!layer.get("className").asText().equals("Dense")) continue;
            tfjsDense.add(List.of(layer.get("units").asInt(), layer.get("activation").asText()));
            layer.get("weightShapes").forEach(tfjsShapes::add);
        }
        List<List<Object>> kerasDense = new ArrayList<>();
        keras.get("dense").forEach(d -> kerasDense.add(List.of(d.get(0).asInt(), d.get(1).asText())));
        assertEquals(tfjsDense, kerasDense, "Dense layers (units, activation)");
        List<JsonNode> kerasShapes = new ArrayList<>();
        keras.get("shapes").forEach(kerasShapes::add);
        assertEquals(tfjsShapes, kerasShapes, "weight shapes");

        String losses = new String(getBytes("/api/runs/" + id + "/losses.csv"), StandardCharsets.UTF_8);
        assertEquals(EPOCHS + 2, losses.split("\n").length, "a header and one row per epoch 0.." + EPOCHS);
        if (run.split().source().isPlanar()) {
            byte[] png = getBytes("/api/runs/" + id + "/boundary.png");
            assertEquals((byte) 0x89, png[0]);
            assertEquals('P', png[1]);
        }
    }

    private static TrainingRun headless(String link, String csv) {
        DataSet data = csv == null ? null : CsvImport.read(csv, new CsvOptions(null, "upload.csv"));
        TrainingRun run = TrainingRun.create(PlaygroundLink.parse(link, new SecureRandom()).settings(), data);
        for (int e = 0; e < EPOCHS; e++) run.trainer().trainEpoch();
        return run;
    }

    private static String post(String link, String csv) throws Exception {
        Map<String, Object> body = csv == null ? Map.of("link", link, "epochs", EPOCHS) : Map.of("link", link, "epochs", EPOCHS, "csv", csv);
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/runs"))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, r.statusCode(), r.body());
        return JSON.readTree(r.body()).get("id").asText();
    }

    /** An export as a well-behaved client gets it: a 429 (renders a second per address) is retried after its Retry-After. */
    private static byte[] getBytes(String path) throws Exception {
        HttpResponse<byte[]> r;
        int tries = 0;
        do {
            if (tries > 0) Thread.sleep(1000);
            r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } while (r.statusCode() == 429 && ++tries < 30);
        assertEquals(200, r.statusCode(), path);
        assertTrue(r.body().length > 0, path);
        return r.body();
    }

    private JsonNode runTfjs(String id, List<double[]> inputs) throws Exception {
        Path modules = tfjsModules();
        Path in = dir.resolve(id + "-inputs.json");
        Path out = dir.resolve(id + "-tfjs.json");
        Files.writeString(in, JSON.writeValueAsString(inputs));
        String url = "http://127.0.0.1:" + server.port() + "/api/runs/" + id + "/tfjs/model.json";
        ProcessBuilder pb = new ProcessBuilder("node", "src/test/js/tfjs-predict.cjs", url, in.toString(), out.toString());
        pb.environment().put("NODE_PATH", modules.toString());
        Result r = exec(pb);
        assertEquals(0, r.exit, "node: " + r.output);
        return JSON.readTree(out.toFile());
    }

    /** TFJS_MODULES from scripts/test.sh, else an npm install under target/ (once). */
    private static synchronized Path tfjsModules() throws Exception {
        assumeTrue(exec(List.of("node", "--version")).exit == 0, "node is not installed");
        String env = System.getenv("TFJS_MODULES");
        if (env != null && !env.isBlank()) return Path.of(env);
        Path prefix = Path.of("target", "tfjs").toAbsolutePath();
        if (!Files.isDirectory(prefix.resolve("node_modules/@tensorflow/tfjs"))) {
            Result r = exec(List.of("npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix", prefix.toString(), "@tensorflow/tfjs@4"));
            assertEquals(0, r.exit, "npm install @tensorflow/tfjs: " + r.output);
        }
        return prefix.resolve("node_modules");
    }

    private record Result(int exit, String output) {}

    private static Result exec(List<String> command) throws Exception { return exec(new ProcessBuilder(command)); }

    private static Result exec(ProcessBuilder pb) throws Exception {
        Process p;
        try {
            p = pb.redirectErrorStream(true).start();
        } catch (IOException e) {
            return new Result(-1, e.getMessage());
        }
        byte[] output = p.getInputStream().readAllBytes();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(-1, "timed out");
        }
        return new Result(p.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
