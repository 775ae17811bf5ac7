package org.nnplayground.playground.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Replays real TF Playground runs: seed, generate, shuffle, split must give the same points. */
class DataSetsTfVectorsTest {

    @ParameterizedTest
    @ValueSource(strings = {"H1", "H3", "H6", "H8"})
    void reproducesPlaygroundTrainAndTestData(String name) {
        JsonNode v = Vectors.load(name);
        JsonNode state = v.get("state");
        DatasetKind kind = DatasetKind.fromKey(v.get("datasetUsed").asText());
        assertEquals(v.get("problem").asText(), kind.problem().key());
        assertEquals(v.get("numSamples").asInt(), kind.defaultSamples());
        double noise = state.get("noise").asDouble() / 100;
        assertEquals(v.get("noiseArg").asDouble(), noise, 0.0);

        TfRandom rng = TfRandom.seeded(state.get("seed").asText());
        DataSet data = DataSets.generate(kind, noise, rng);
        assertEquals(v.get("rngCalls").get("generator").asLong(), rng.draws(), "generator draws");
        assertPoints(v.get("firstGeneratedBeforeShuffle"), data.samples().subList(0, 3), "generated");

        Split split = DataSets.split(data, state.get("percTrainData").asInt(), rng);
        assertEquals(v.get("rngCalls").get("shuffle").asLong(),
            rng.draws() - v.get("rngCalls").get("generator").asLong(), "shuffle draws");
        assertEquals(v.get("splitIndex").asInt(), split.train().size());
        assertPoints(v.get("train"), split.train(), "train");
        assertPoints(v.get("test"), split.test(), "test");
    }

    private static void assertPoints(JsonNode expected, List<Sample> actual, String what) {
        assertEquals(expected.size(), actual.size(), what + " size");
        for (int i = 0; i < expected.size(); i++) {
            JsonNode p = expected.get(i);
            Sample s = actual.get(i);
            assertEquals(p.get("x").asDouble(), s.x(), 0.0, what + " x at " + i);
            assertEquals(p.get("y").asDouble(), s.y(), 0.0, what + " y at " + i);
            assertEquals(p.get("label").asDouble(), s.label(), 0.0, what + " label at " + i);
        }
    }
}
