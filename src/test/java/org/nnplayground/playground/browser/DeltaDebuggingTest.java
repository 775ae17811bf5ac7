package org.nnplayground.playground.browser;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The walk's shrinking: a long failing sequence comes down to the few actions that make it fail. */
class DeltaDebuggingTest {
    private static List<String> actions(int n) {
        return IntStream.range(0, n).mapToObj(i -> "a" + i).toList();
    }

    @Test
    void twoActionsInOrderAmongTwoHundredShrinkToThoseTwo() {
        // fails when a37 comes somewhere before a150 (a save, then a change, say)
        List<String> minimal = DeltaDebugging.minimize(actions(200),
                l -> l.contains("a37") && l.contains("a150") && l.indexOf("a37") < l.indexOf("a150"), 200);
        assertEquals(List.of("a37", "a150"), minimal);
    }

    @Test
    void oneActionAloneShrinksToItself() {
        assertEquals(List.of("a5"), DeltaDebugging.minimize(actions(60), l -> l.contains("a5"), 100));
    }

    @Test
    void theBudgetBoundsTheReplays() {
        AtomicInteger tries = new AtomicInteger();
        List<String> minimal = DeltaDebugging.minimize(actions(200), l -> { tries.incrementAndGet(); return l.contains("a1") && l.contains("a199"); }, 7);
        assertEquals(7, tries.get());
        assertTrue(minimal.contains("a1") && minimal.contains("a199") && minimal.size() < 200, minimal.toString());
    }

    @Test
    void whatIsLeftStillFails() {
        List<String> seen = new ArrayList<>();
        List<String> minimal = DeltaDebugging.minimize(actions(50), l -> { seen.add(String.join(",", l)); return l.stream().filter(a -> a.endsWith("3")).count() >= 3; }, 500);
        assertEquals(3, minimal.size(), minimal.toString());
        assertTrue(minimal.stream().allMatch(a -> a.endsWith("3")));
    }
}
