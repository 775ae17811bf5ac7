package org.nnplayground.playground.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** z-scores with the training part's mean and standard deviation, applied to both parts. */
class StandardizerTest {

    @Test
    void trainingColumnsGetMeanZeroAndDeviationOneAndTestUsesTheSameFigures() {
        List<Sample> train = List.of(new Sample(new double[] {1, 10, 5}, 0), new Sample(new double[] {3, 30, 5}, 1),
                new Sample(new double[] {5, 50, 5}, 0));
        List<Sample> test = List.of(new Sample(new double[] {7, 0, 6}, 1));
        DataSet source = new DataSet("t", List.of(), Problem.CLASSIFICATION, 2, List.of("a", "b", "c"), List.of("0", "1"));
        Split z = Standardizer.standardize(new Split(source, train, test));
        double sd = Math.sqrt(8.0 / 3); // population deviation of 1, 3, 5
        assertEquals(-2 / sd, z.train().get(0).inputs()[0], 1e-12);
        assertEquals(0, z.train().get(1).inputs()[0], 1e-12);
        assertEquals((7 - 3) / sd, z.test().get(0).inputs()[0], 1e-12);
        assertEquals((0 - 30) / (10 * sd), z.test().get(0).inputs()[1], 1e-12);
        // a constant column is only centred
        assertEquals(0, z.train().get(0).inputs()[2], 0);
        assertEquals(1, z.test().get(0).inputs()[2], 0);
        assertEquals(1, z.test().get(0).label(), 0);
        for (int k = 0; k < 2; k++) {
            double mean = 0, sq = 0;
            for (Sample s : z.train()) mean += s.inputs()[k] / 3;
            for (Sample s : z.train()) sq += s.inputs()[k] * s.inputs()[k] / 3;
            assertEquals(0, mean, 1e-12);
            assertEquals(1, sq, 1e-12);
        }
    }
}
