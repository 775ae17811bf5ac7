package org.nnplayground.playground.data;

import java.util.List;

/** Makes labelled 2-D points from a random source. */
@FunctionalInterface
public interface Generator {

    /** Generates about {@code numSamples} points; {@code noise} is 0..0.5 (the link's noise / 100). */
    List<Sample> generate(int numSamples, double noise, TfRandom rng);
}
