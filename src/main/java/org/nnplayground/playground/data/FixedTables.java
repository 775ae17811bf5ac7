package org.nnplayground.playground.data;

import java.util.ArrayList;
import java.util.List;

/** Small fixed data sets from textbooks; they ignore noise and sample count and draw nothing. */
public final class FixedTables {
    /**
     * Grokking Machine Learning (Serrano), ch. 5: counts of "aack" and "beep" per sentence and
     * the alien's mood, 1 = happy, 0 = sad.
     */
    private static final int[][] ALIEN = {
        {1, 0, 0}, {0, 2, 0}, {1, 1, 0}, {1, 2, 0}, {1, 3, 1}, {2, 2, 1}, {2, 3, 1}, {3, 2, 1}
    };

    /**
     * Grokking Machine Learning, ch. 10, "a more complicated alien planet": the aliens are happy
     * when a sentence has both words and sad when it has only one; no single line splits them, the
     * book's two perceptrons 6a + 10b - 15 and 10a + 6b - 15 joined by AND do.
     */
    private static final int[][] ALIEN_NN = {
        {1, 0, 0}, {2, 0, 0}, {0, 1, 0}, {0, 2, 0}, {1, 1, 1}, {2, 1, 1}, {1, 2, 1}, {2, 2, 1}
    };

    private FixedTables() {}

    /** The 8 sentences of the book's neural-network chapter as (aack, beep), happy +1, sad -1. */
    public static List<Sample> alienNn() {
        List<Sample> points = new ArrayList<>();
        for (int[] row : ALIEN_NN) points.add(Sample.of(row[0], row[1], row[2] == 1 ? 1 : -1));
        return points;
    }

    /** The 8 alien sentences as (aack, beep), happy +1, sad -1. */
    public static List<Sample> alien() {
        List<Sample> points = new ArrayList<>();
        for (int[] row : ALIEN) points.add(Sample.of(row[0], row[1], row[2] == 1 ? 1 : -1));
        return points;
    }

    /** The XOR truth table: +1 where exactly one input is 1. */
    public static List<Sample> xorTable() {
        return new ArrayList<>(List.of(
            Sample.of(0, 0, -1), Sample.of(0, 1, 1), Sample.of(1, 0, 1), Sample.of(1, 1, -1)));
    }
}
