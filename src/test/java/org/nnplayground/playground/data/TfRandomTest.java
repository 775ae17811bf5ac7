package org.nnplayground.playground.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TfRandomTest {
    private final JsonNode vectors = Vectors.load("seedrandom");

    @Test
    void normalRandomMatchesPlaygroundIncludingDrawCounts() {
        JsonNode spec = vectors.get("normalRandom");
        TfRandom rng = TfRandom.seeded(spec.get("seed").asText());
        JsonNode values = spec.get("values");
        JsonNode calls = spec.get("mathRandomCallsPerValue");
        for (int i = 0; i < values.size(); i++) {
            long before = rng.draws();
            assertEquals(values.get(i).asDouble(), rng.normalRandom(0, 1), 0.0, "value " + i);
            assertEquals(calls.get(i).asLong(), rng.draws() - before, "draws for value " + i);
        }
    }

    @Test
    void randUniformMatchesPlayground() {
        JsonNode spec = vectors.get("randUniform");
        TfRandom rng = TfRandom.seeded(spec.get("seed").asText());
        JsonNode values = spec.get("values");
        for (int i = 0; i < values.size(); i++) {
            assertEquals(values.get(i).asDouble(), rng.randUniform(-1, 1), 0.0, "value " + i);
        }
    }

    @Test
    void shuffleDrawsOncePerElementAndKeepsTheElements() {
        TfRandom rng = TfRandom.seeded("abc");
        List<Integer> list = IntStream.range(0, 50).boxed().collect(Collectors.toCollection(ArrayList::new));
        rng.shuffle(list);
        assertEquals(50, rng.draws());
        assertNotEquals(IntStream.range(0, 50).boxed().toList(), list);
        assertEquals(IntStream.range(0, 50).boxed().toList(), list.stream().sorted().toList());
    }

    @Test
    void shuffleFollowsTheBackToFrontSwaps() {
        // Replay the algorithm by hand with a second generator on the same seed.
        TfRandom replay = TfRandom.seeded("hello.");
        List<String> expected = new ArrayList<>(List.of("a", "b", "c", "d"));
        for (int counter = 4; counter > 0; ) {
            int index = (int) Math.floor(replay.random() * counter);
            counter--;
            String t = expected.get(counter);
            expected.set(counter, expected.get(index));
            expected.set(index, t);
        }
        List<String> actual = new ArrayList<>(List.of("a", "b", "c", "d"));
        TfRandom.seeded("hello.").shuffle(actual);
        assertEquals(expected, actual);
    }
}
