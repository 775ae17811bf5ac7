package org.nnplayground.playground.session;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The heavy lane's rest gives sessions with heavy work their share of the threads together, and no more. */
class HeavyLaneTest {
    @Test
    void aloneHeavyWorkRunsFlatOut() {
        assertEquals(0, HeavyLane.restTurns(1, 0, 1, 2, true));
    }

    @Test
    void besideOthersWithNothingQueuedItRestsAsLongAsItRan() {
        assertEquals(1, HeavyLane.restTurns(105, 104, 5, 2, false));
    }

    @Test
    void fiveHeavySessionsAmongAHundredAndFiveGetTheirShareOfTwoThreads() {
        double rest = HeavyLane.restTurns(105, 104, 5, 2, true);
        assertEquals(9.5, rest, 1e-12);
        double dutyOfTheLane = 1 / (1 + rest);
        assertEquals(5.0 / 105, dutyOfTheLane / 2, 1e-12, "their share of the 2 threads' capacity");
    }

    @Test
    void aClassLoadingAtOnceIsNotSlowedBeyondTheRestOfOneTurn() {
        // every load waits for the lane: they are all sharing it
        assertEquals(1, HeavyLane.restTurns(100, 99, 100, 2, true));
    }
}
