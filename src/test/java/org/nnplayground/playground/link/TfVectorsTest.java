package org.nnplayground.playground.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nnplayground.playground.data.Feature;

/** The real TF Playground links: we must read them as TF does and write them back byte for byte. */
class TfVectorsTest {

    private static JsonNode vector(String name) throws IOException {
        try (InputStream in = TfVectorsTest.class.getResourceAsStream("/tf-vectors/" + name + ".json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static PlaygroundSettings parse(JsonNode v) {
        LinkResult result = PlaygroundLink.parse(v.get("hash").asText(), new SplittableRandom(1));
        assertEquals(List.of(), result.warnings());
        return result.settings();
    }

    @ParameterizedTest
    @ValueSource(strings = {"H1", "H3", "H6", "H8"})
    void writesBackExactlyWhatTfWrites(String name) throws IOException {
        JsonNode v = vector(name);
        assertEquals(v.get("serializedHash").asText(), parse(v).toHash());
    }

    @ParameterizedTest
    @ValueSource(strings = {"H1", "H3", "H6", "H8"})
    void everyTfKeyHasTfsParsedValue(String name) throws IOException {
        JsonNode v = vector(name);
        JsonNode state = v.get("state");
        PlaygroundSettings s = parse(v);
        for (LinkKey key : LinkKey.values()) {
            if (key.origin() != Origin.TENSORFLOW) continue;
            JsonNode expected = state.get(key.key());
            String expectedText = expected.isNull() ? null
                    : expected.isArray() ? join(expected) : expected.asText();
            assertEquals(expectedText, s.text(key), name + " " + key.key());
        }
        assertEquals(state.get("hiddenProps").size(), s.hiddenControls().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"H1", "H3", "H6", "H8"})
    void typedGettersMatchTheState(String name) throws IOException {
        JsonNode v = vector(name);
        JsonNode state = v.get("state");
        PlaygroundSettings s = parse(v);
        assertEquals(state.get("activation").asText(), s.activation().key());
        assertEquals(state.get("regularization").asText(), s.regularization().key());
        assertEquals(state.get("batchSize").asInt(), s.batchSize());
        assertEquals(state.get("dataset").asText(), s.dataset().key());
        assertEquals(state.get("regDataset").asText(), s.regDataset().key());
        assertEquals(state.get("learningRate").asDouble(), s.learningRate());
        assertEquals(state.get("regularizationRate").asDouble(), s.regularizationRate());
        assertEquals(state.get("noise").asInt(), s.noise());
        assertArrayEquals(ints(state.get("networkShape")), s.networkShape());
        assertEquals(state.get("numHiddenLayers").asInt(), s.networkShape().length);
        assertEquals(state.get("seed").asText(), s.seed());
        assertEquals(state.get("showTestData").asBoolean(), s.showTestData());
        assertEquals(state.get("discretize").asBoolean(), s.discretize());
        assertEquals(state.get("percTrainData").asInt(), s.percTrainData());
        assertEquals(state.get("collectStats").asBoolean(), s.collectStats());
        assertEquals(state.get("problem").asText(), s.problem().key());
        assertEquals(state.get("initZero").asBoolean(), s.initZero());
        assertEquals(state.get("hideText").asBoolean(), s.hideText());
        assertEquals(null, s.tutorial());
        // What the run used, derived from the settings.
        assertEquals(v.get("datasetUsed").asText(), s.datasetInUse().key());
        assertEquals(v.get("outputActivation").asText(), s.outputActivation().key());
        assertEquals(v.get("hiddenActivation").asText(), s.activation().key());
        List<String> inputIds = new ArrayList<>();
        v.get("inputIds").forEach(n -> inputIds.add(n.asText()));
        assertEquals(inputIds, s.features().stream().map(Feature::key).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"H1", "H3", "H6", "H8"})
    void tfLinksAreTfExactWithTfDefaultsForOurKeys(String name) throws IOException {
        PlaygroundSettings s = parse(vector(name));
        assertTrue(s.tfExact());
        for (LinkKey key : LinkKey.values()) {
            if (key.origin() == Origin.OURS) assertEquals(false, s.isSet(key), key.key());
        }
        assertEquals(org.nnplayground.playground.nn.OptimizerKind.SGD, s.optimizer());
        assertEquals(org.nnplayground.playground.nn.LossKind.SQUARE, s.loss());
        assertEquals(org.nnplayground.playground.nn.WeightInit.TF, s.init());
        assertEquals(0.0, s.dropout());
    }

    private static String join(JsonNode array) {
        List<String> parts = new ArrayList<>();
        array.forEach(n -> parts.add(n.asText()));
        return String.join(",", parts);
    }

    private static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) out[i] = array.get(i).asInt();
        return out;
    }
}
