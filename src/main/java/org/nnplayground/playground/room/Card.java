package org.nnplayground.playground.room;

import org.nnplayground.playground.session.Boundary;
import org.nnplayground.playground.session.ImageMistakes;

/**
 * One student's card on the dashboard: compact figures and the output thumbnail(s), a few
 * hundred bytes. {@code state}: playing, paused, diverged, away or left; {@code name} is
 * "Student N" while names are anonymized; {@code mistakes}: an image run's first wrong test images (null otherwise).
 * {@code boundary}: the class view's picture of the run (here or from the server it trains on), only
 * when it changed since this dashboard last got it (null otherwise, and while nobody shows the class view).
 */
public record Card(String id, int number, String name, int epoch, double lossTrain, double lossTest, double metricTest,
                   String problem, String state, int parameters, long lastActivityMillis, byte[] thumbs, int thumbCount,
                   ImageMistakes mistakes, Boundary boundary) {}
