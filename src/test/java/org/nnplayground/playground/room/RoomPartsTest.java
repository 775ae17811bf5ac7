package org.nnplayground.playground.room;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The room's parts without a server: codes, exercises and locks, leaderboard order, report, chart log. */
class RoomPartsTest {

    @Test
    void codesHaveNoLookAlikesAndTypingIsForgiving() {
        JoinCodes codes = new JoinCodes();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String c = codes.next();
            assertTrue(c.matches("[^0O1IL2Z5S8B]{6}"), c);
            seen.add(c);
        }
        assertTrue(seen.size() > 1990, "random codes");
        assertEquals("ACD347", JoinCodes.normalize(" acd-347 "));
        assertNull(JoinCodes.normalize("ACD3O7"), "O is not in the alphabet");
        assertNull(JoinCodes.normalize("ACD34"));
    }

    @Test
    void leaderboardOrdersByTestLossThenParametersThenTime() {
        List<Leaderboard.Entry> top = Leaderboard.top(List.of(
                new Leaderboard.Entry("late-small", "D", 0.10, 9, 50, 3000),
                new Leaderboard.Entry("big", "B", 0.10, 25, 10, 1000),
                new Leaderboard.Entry("best", "A", 0.05, 100, 10, 5000),
                new Leaderboard.Entry("none", "N", Double.NaN, 0, 0, 0),
                new Leaderboard.Entry("early-small", "C", 0.10, 9, 40, 2000)), 10);
        assertEquals(List.of("best", "early-small", "late-small", "big"), top.stream().map(Leaderboard.Entry::id).toList());
    }

    @Test
    void anExerciseLocksWhatItHides() {
        Exercise e = Exercise.of("https://playground.tensorflow.org/#dataset=xor&learningRate=0.1&learningRate_hide=true"
                + "&numHiddenLayers_hide=true&playButton_hide=true&networkShape=3");
        // hiding play also turns drawing off (a drawn point starts training) and sweeps (they train other networks)
        assertEquals(Set.of("learningRate", "networkShape", "play", "drawPoint", "removePoint", "sweep"), e.locked());
        assertTrue(e.refusal("set", "learningRate").contains("locked"));
        assertTrue(e.refusal("set", "dataset_hide").contains("which controls"));
        assertTrue(e.refusal("play", null).contains("turned off"));
        assertNull(e.refusal("set", "batchSize"));
        assertNull(e.refusal("step", null));
        String enforced = e.enforce("dataset=circle&learningRate=3&networkShape=8,8&batchSize=4");
        assertTrue(enforced.contains("learningRate=0.1") && enforced.matches(".*networkShape=3(&.*|$)"), enforced);
        assertTrue(enforced.contains("dataset=circle") && enforced.contains("batchSize=4") && enforced.contains("learningRate_hide=true"), enforced);
        RoomException bad = assertThrows(RoomException.class, () -> Exercise.of("activation=banana"));
        assertTrue(bad.getMessage().contains("activation"), bad.getMessage());
    }

    @Test
    void reportQuotesNamesAndDefusesFormulas() {
        String csv = ClassReport.csv(List.of(
                new ClassReport.Row("=SUM(A1)", "dataset=xor", 12, 0.25, Double.NaN, "accuracy", 0.9, Double.NaN, "paused")));
        assertEquals(ClassReport.HEADER + "\r\n\"'=SUM(A1)\",\"dataset=xor\",12,0.250000,,accuracy,0.900000,,paused\r\n", csv);
    }

    @Test
    void chartLogHalvesWhenFullAndRestartsOnReset() {
        ChartLog log = new ChartLog();
        for (int e = 0; e < ChartLog.CAPACITY + 10; e++) log.add(e, 1.0 / (e + 1), 2.0 / (e + 1));
        ChartLog.Points p = log.points();
        assertTrue(p.epochs().length <= ChartLog.CAPACITY && p.epochs().length > ChartLog.CAPACITY / 2);
        assertEquals(0, p.epochs()[0]);
        assertEquals(ChartLog.CAPACITY + 9, p.epochs()[p.epochs().length - 1]);
        log.add(3, 0.5, 0.5);
        assertEquals(1, log.points().epochs().length, "a reset starts a new curve");
    }

    @Test
    void namesAreTrimmedAndLimited() {
        assertEquals("Ann Lee", Room.cleanName("  Ann Lee\u0007 "));
        assertThrows(RoomException.class, () -> Room.cleanName(" "));
        assertThrows(RoomException.class, () -> Room.cleanName("x".repeat(RoomLimits.MAX_NAME_LENGTH + 1)));
        assertEquals(24, Room.cleanName("é".repeat(24)).length());
    }
}
