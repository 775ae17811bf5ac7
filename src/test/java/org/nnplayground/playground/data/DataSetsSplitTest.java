package org.nnplayground.playground.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataSetsSplitTest {

    @Test
    void splitKeepsEverySampleOnceAndCutsAtTheFloor() {
        DataSet data = DataSets.generate(DatasetKind.BLOBS3, 0.1, TfRandom.seeded("s"));
        TfRandom rng = TfRandom.seeded("s2");
        Split split = DataSets.split(data, 33, rng);
        assertSame(data, split.source());
        assertEquals(198, split.train().size()); // floor(600 * 33 / 100)
        assertEquals(402, split.test().size());
        assertEquals(600, rng.draws());
        List<Sample> all = new ArrayList<>(split.train());
        all.addAll(split.test());
        Comparator<Sample> order = Comparator.comparingDouble(Sample::x).thenComparingDouble(Sample::y);
        all.sort(order);
        List<Sample> original = new ArrayList<>(data.samples());
        original.sort(order);
        for (int i = 0; i < all.size(); i++) assertSame(original.get(i), all.get(i));
    }

    @Test
    void splitDoesNotTouchTheSourceList() {
        DataSet data = DataSets.generate(DatasetKind.XOR_TABLE, 0, TfRandom.seeded("s"));
        List<Sample> before = List.copyOf(data.samples());
        DataSets.split(data, 50, TfRandom.seeded("q"));
        assertEquals(before, data.samples());
    }

    @Test
    void extremePercentagesAndBadOnes() {
        DataSet data = DataSets.generate(DatasetKind.ALIEN, 0, TfRandom.seeded("s"));
        assertEquals(0, DataSets.split(data, 0, TfRandom.seeded("a")).train().size());
        assertEquals(8, DataSets.split(data, 100, TfRandom.seeded("a")).train().size());
        assertThrows(IllegalArgumentException.class, () -> DataSets.split(data, 101, TfRandom.seeded("a")));
    }
}
