package org.nnplayground.playground.room;

/**
 * One student's card on the dashboard: compact figures and the output thumbnail(s), a few
 * hundred bytes. {@code state}: playing, paused, diverged, away or left; {@code name} is
 * "Student N" while names are anonymized.
 */
public record Card(String id, int number, String name, int epoch, double lossTrain, double lossTest, double metricTest,
                   String problem, String state, int parameters, long lastActivityMillis, byte[] thumbs, int thumbCount) {}
