package org.nnplayground.playground.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nnplayground.playground.link.PlaygroundLink;
import org.nnplayground.playground.nn.EpochStats;
import org.nnplayground.playground.nn.Network;

import java.io.InputStream;
import java.util.Iterator;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A TF Playground link opened here gives its data, its initial weights and its 300 epochs of losses. */
class TrainingRunTfVectorsTest {

    @ParameterizedTest
    @ValueSource(strings = {"H1", "H3", "H6", "H8"})
    void linkReproducesTheWholeRun(String name) throws Exception {
        JsonNode v;
        try (InputStream in = getClass().getResourceAsStream("/tf-vectors/" + name + ".json")) {
            v = new ObjectMapper().readTree(in);
        }
        TrainingRun run = TrainingRun.create(PlaygroundLink.parse(v.get("hash").asText(), new Random(1)).settings(), null);
        assertEquals(true, run.tfExact());
        assertEquals(v.get("train").size(), run.split().train().size());
        assertWeights(v.get("initial"), run.network(), name + " initial");
        for (int k = 0; k <= 300; k++) {
            EpochStats stats = k == 0 ? run.trainer().lastStats() : run.trainer().trainEpoch();
            assertEquals(v.get("lossTrain").get(k).asDouble(), stats.train().loss(), 0.0, name + " train loss " + k);
            assertEquals(v.get("lossTest").get(k).asDouble(), stats.test().loss(), 0.0, name + " test loss " + k);
        }
        assertWeights(v.get("afterEpoch300"), run.network(), name + " after 300");
    }

    private static void assertWeights(JsonNode snapshot, Network net, String what) {
        Iterator<JsonNode> weights = snapshot.get("weights").elements();
        Iterator<JsonNode> biases = snapshot.get("biases").elements();
        for (int l = 1; l <= net.numLayers(); l++) {
            for (double w : net.weights(l).data) assertEquals(weights.next().get("weight").asDouble(), w, 0.0, what);
            for (double b : net.biases(l).data) assertEquals(biases.next().get("bias").asDouble(), b, 0.0, what);
        }
    }
}
