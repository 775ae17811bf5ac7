package org.nnplayground.playground.sweep;

import java.util.Map;

/**
 * One finished training of a sweep.
 *
 * @param values         the varied settings' values (link text), in the plan's order
 * @param link           the hash that opens this combination as a normal playground (seed included)
 * @param metricTrain    accuracy (classification) or R^2 (regression) after the last epoch
 * @param epochsToTarget the first epoch whose test metric (training metric without test data)
 *                       reached the plan's target, or null if none did
 * @param note           null, or why the run ended early (diverged, stopped early, cannot train)
 */
public record SweepRow(int index, Map<String, String> values, String seed, String link, int epochs,
                       double lossTrain, Double lossTest, Double metricTrain, Double metricTest,
                       Integer epochsToTarget, String note) {}
