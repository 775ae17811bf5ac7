package org.nnplayground.playground.data;

import java.util.List;

/** A data set's shuffled training and test parts. */
public record Split(DataSet source, List<Sample> train, List<Sample> test) {}
