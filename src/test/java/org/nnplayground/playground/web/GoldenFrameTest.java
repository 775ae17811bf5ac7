package org.nnplayground.playground.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.nnplayground.playground.session.GoldenFrames;

import java.io.IOException;
import org.nnplayground.playground.FrameBytes;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The golden frame file (src/test/resources/frames/*.bin + golden.json, the values they hold) is
 * checked by all three parties: the Java encoder rebuilds the same frames, the Java test decoder
 * and the browser's decoder (web/js/protocol.js, run by Node) read the same values.
 * Regenerate after a deliberate format change with {@link #main}.
 */
class GoldenFrameTest {
    static final Path DIR = Path.of("src/test/resources/frames");

    @Test
    void encoderBuildsTheGoldenFrames() throws IOException {
        for (Map.Entry<String, ByteBuffer> e : GoldenFrames.build().entrySet()) {
            byte[] built = FrameBytes.bytes(e.getValue());
            byte[] golden = Files.readAllBytes(DIR.resolve(e.getKey() + ".bin"));
            // everything before the DEFLATE stream is byte for byte the same; the grids decode the same
            // (a different zlib may compress the same bytes differently)
            int header = golden.length - FrameBytes.compressedLength(golden);
            assertArrayEquals(Arrays.copyOf(golden, header), Arrays.copyOf(built, Math.min(header, built.length)), e.getKey());
            assertArrayEquals(Frame.decode(ByteBuffer.wrap(golden)).grids(), Frame.decode(ByteBuffer.wrap(built)).grids(), e.getKey());
        }
    }

    @Test
    void javaDecoderReadsTheGoldenValues() throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode golden = json.readTree(DIR.resolve("golden.json").toFile());
        assertEquals(3, golden.size());
        for (var it = golden.fields(); it.hasNext(); ) {
            var e = it.next();
            Frame f = Frame.decode(ByteBuffer.wrap(Files.readAllBytes(DIR.resolve(e.getKey() + ".bin"))));
            // through text, so numbers compare by value and not by node type
            assertEquals(e.getValue(), json.readTree(json.writeValueAsString(values(f))), e.getKey());
        }
        assertTrue(golden.get("big").get("weightCount").asInt() > 65_535, "the big frame needs more than 16 bits");
        assertEquals(1, golden.get("small-classes").get("mode").asInt());
        assertEquals(0, golden.get("small-scalar").get("mode").asInt());
    }

    @Test
    void browserDecoderReadsTheGoldenValues() throws Exception {
        assumeTrue(nodeAvailable(), "node is not installed");
        Process p = new ProcessBuilder("node", "--test", "src/test/js/frame-golden.test.mjs").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "node --test did not finish");
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("# pass 3"), out);
    }

    /** The values golden.json records for a frame (the browser test computes the same from its decode). */
    static ObjectNode values(Frame f) {
        ObjectMapper m = new ObjectMapper();
        ObjectNode o = m.createObjectNode();
        o.put("version", f.version()).put("mode", f.mode()).put("epoch", f.epoch());
        o.put("lossTrain", f.lossTrain()).put("lossTest", f.lossTest()).put("metricTrain", f.metricTrain()).put("metricTest", f.metricTest());
        o.put("firstHistoryEpoch", f.firstHistoryEpoch());
        ArrayNode ht = o.putArray("historyTrain");
        ArrayNode hv = o.putArray("historyTest");
        for (int i = 0; i < f.historyTrain().length; i++) {
            ht.add((double) f.historyTrain()[i]);
            hv.add((double) f.historyTest()[i]);
        }
        o.put("selectedNode", f.selectedNode()).put("weightCount", f.weights().length);
        ArrayNode head = o.putArray("weightsHead");
        ArrayNode tail = o.putArray("weightsTail");
        int n = f.weights().length;
        for (int i = 0; i < Math.min(8, n); i++) head.add((double) f.weights()[i]);
        for (int i = Math.max(0, n - 8); i < n; i++) tail.add((double) f.weights()[i]);
        double sum = 0;
        for (float w : f.weights()) sum += Math.abs(w);
        o.put("weightAbsSum", Math.round(sum * 1000) / 1000.0);
        o.put("gridSize", f.gridSize()).put("codedSize", f.codedSize()).put("thumbSize", f.thumbSize()).put("thumbCount", f.thumbCount());
        int planes = f.mode() == 1 ? 2 : 1;
        int bigBytes = planes * f.gridSize() * f.gridSize();
        long gridSum = 0;
        for (int i = 0; i < bigBytes; i++) gridSum += f.grids()[i] & 0xff;
        long thumbSum = 0;
        for (int i = bigBytes; i < f.grids().length; i++) thumbSum += f.grids()[i] & 0xff;
        o.put("gridSum", gridSum).put("thumbSum", thumbSum);
        ArrayNode row = o.putArray("gridRow50");
        for (int c = 0; c < f.gridSize(); c++) row.add(f.grids()[50 * f.gridSize() + c] & 0xff);
        return o;
    }



    private static boolean nodeAvailable() {
        try {
            return new ProcessBuilder("node", "--version").start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Writes the golden files from the current encoder (run only after a deliberate format change). */
    public static void main(String[] args) throws IOException {
        ObjectMapper m = new ObjectMapper();
        ObjectNode all = m.createObjectNode();
        for (Map.Entry<String, ByteBuffer> e : GoldenFrames.build().entrySet()) {
            byte[] b = FrameBytes.bytes(e.getValue());
            Files.write(DIR.resolve(e.getKey() + ".bin"), b);
            all.set(e.getKey(), values(Frame.decode(ByteBuffer.wrap(b))));
        }
        Files.writeString(DIR.resolve("golden.json"), m.writerWithDefaultPrettyPrinter().writeValueAsString(all) + "\n");
    }
}
