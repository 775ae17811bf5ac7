package org.nnplayground.playground.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeedRandomTest {

    @Test
    void reproducesSeedrandomForEverySeedInTheVectors() {
        JsonNode streams = Vectors.load("seedrandom").get("mathSeedrandom");
        int seeds = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = streams.fields(); it.hasNext(); seeds++) {
            Map.Entry<String, JsonNode> e = it.next();
            SeedRandom rng = new SeedRandom(e.getKey());
            JsonNode expected = e.getValue();
            for (int i = 0; i < expected.size(); i++) {
                assertEquals(expected.get(i).asDouble(), rng.nextDouble(), 0.0,
                    "seed " + e.getKey() + " draw " + i);
            }
            assertEquals(expected.size(), rng.draws());
        }
        assertEquals(4, seeds);
    }

    @Test
    void helloMatchesSeedrandomDocumentation() {
        assertEquals(0.9282578795792454, new SeedRandom("hello.").nextDouble(), 0.0);
    }

    @Test
    void emptyAndLongSeedsStayInRange() {
        SeedRandom empty = new SeedRandom("");
        SeedRandom longSeed = new SeedRandom("x".repeat(1000));
        for (int i = 0; i < 1000; i++) {
            double a = empty.nextDouble();
            double b = longSeed.nextDouble();
            assertTrue(a >= 0 && a < 1 && b >= 0 && b < 1);
        }
        assertEquals(1000, empty.draws());
    }

    @Test
    void mixKeyFoldsLongSeedsIntoTwoHundredFiftySixBytes() {
        int[] key = SeedRandom.mixKey("y".repeat(300));
        assertEquals(256, key.length);
        for (int b : key) assertTrue(b >= 0 && b < 256);
        // A short seed keys one byte per char: first byte is the char code itself.
        assertEquals('a', SeedRandom.mixKey("abc")[0]);
    }
}
