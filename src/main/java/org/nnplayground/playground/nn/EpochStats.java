package org.nnplayground.playground.nn;

/**
 * What one epoch produced.
 *
 * @param test       null when there is no test data (no figures rather than NaN)
 * @param divergence why training diverged (NaN or infinite loss or weights), else null
 */
public record EpochStats(int epoch, Metrics train, Metrics test, String divergence) {

    public boolean diverged() { return divergence != null; }
}
