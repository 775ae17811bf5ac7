package org.nnplayground.playground.room;

import org.nnplayground.playground.session.ImageMistakes;

/**
 * One student's card on the dashboard: compact figures and the output thumbnail(s), a few
 * hundred bytes. {@code state}: playing, paused, diverged, away or left; {@code name} is
 * "Student N" while names are anonymized; {@code mistakes}: an image run's first wrong test images (null otherwise).
 */
public record Card(String id, int number, String name, int epoch, double lossTrain, double lossTest, double metricTest,
                   String problem, String state, int parameters, long lastActivityMillis, byte[] thumbs, int thumbCount,
                   ImageMistakes mistakes) {
    /** The card of a run on plain data. */
    public Card(String id, int number, String name, int epoch, double lossTrain, double lossTest, double metricTest,
                String problem, String state, int parameters, long lastActivityMillis, byte[] thumbs, int thumbCount) {
        this(id, number, name, epoch, lossTrain, lossTest, metricTest, problem, state, parameters, lastActivityMillis, thumbs, thumbCount, null);
    }
}
