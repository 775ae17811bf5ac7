package org.nnplayground.playground.nn;

/**
 * Quality of the network on one set of samples.
 *
 * @param accuracy fraction classified correctly (classification only, else null)
 * @param r2       coefficient of determination (regression only, else null)
 */
public record Metrics(double loss, Double accuracy, Double r2) {}
