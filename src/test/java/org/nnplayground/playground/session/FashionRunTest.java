package org.nnplayground.playground.session;

import org.junit.jupiter.api.Test;
import org.nnplayground.playground.data.DataSet;
import org.nnplayground.playground.data.DatasetKind;
import org.nnplayground.playground.data.ImageSets;
import org.nnplayground.playground.data.Sample;
import org.nnplayground.playground.export.KerasScript;
import org.nnplayground.playground.link.PlaygroundLink;
import org.nnplayground.playground.nn.EpochStats;

import java.security.SecureRandom;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** dataset=fashion: Fashion-MNIST's 10,000 test images, bundled, named, split by seed and trained as the digits are. */
class FashionRunTest {
    private static final String SMALL = "dataset=fashion&networkShape=16&activation=relu&optimizer=adam&batchSize=50&learningRate=0.003&seed=0.5";
    private static final List<String> NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private static TrainingRun run(String link) {
        return TrainingRun.create(PlaygroundLink.parse(link, new SecureRandom()).settings(), null);
    }

    @Test
    void theBundledClothesAreTenThousandImagesAThousandAClassWithTheirNames() {
        DataSet clothes = ImageSets.of(DatasetKind.FASHION);
        assertSame(clothes, ImageSets.of(DatasetKind.FASHION), "read once per server");
        assertEquals(10_000, clothes.samples().size());
        assertEquals(784, clothes.numInputs());
        assertEquals(NAMES, clothes.classNames());
        int[] perClass = new int[10];
        for (Sample s : clothes.samples()) perClass[(int) s.label()]++;
        for (int c = 0; c < 10; c++) assertEquals(1_000, perClass[c], "class " + NAMES.get(c));
        // Fashion-MNIST's first test image is an ankle boot
        assertEquals(9, (int) clothes.samples().get(0).label());
        assertTrue(!java.util.Arrays.equals(ImageSets.of(DatasetKind.MNIST).samples().get(0).inputs(), clothes.samples().get(0).inputs()),
                "another file than the digits");
    }

    @Test
    void aRunSplitsEightThousandToTwoThousandBySeedAndNamesItsClasses() {
        TrainingRun a = run(SMALL);
        TrainingRun again = run(SMALL);
        TrainingRun b = run(SMALL.replace("seed=0.5", "seed=0.6"));
        assertTrue(a.isImage());
        assertEquals(List.of(), a.warnings(), "dataset=fashion is a known key");
        assertEquals(8_000, a.split().train().size());
        assertEquals(2_000, a.split().test().size());
        assertSame(ImageSets.of(DatasetKind.FASHION), a.split().source(), "one copy of the data per server");
        for (int i = 0; i < 20; i++) assertSame(a.split().test().get(i), again.split().test().get(i), "the same seed, the same split");
        boolean differs = false;
        for (int i = 0; i < 20; i++) differs |= a.split().test().get(i) != b.split().test().get(i);
        assertTrue(differs, "another seed, another split");
        SessionDescription d = SessionDescription.of(a, List.of());
        assertEquals(NAMES, d.classNames());
        assertEquals(28, d.imageSide());
        assertTrue(d.link().contains("dataset=fashion"), d.link());
    }

    @Test
    void oneEpochLearnsTheClothesAndTheKerasScriptLoadsKerasFashionMnist() {
        TrainingRun run = run(SMALL);
        EpochStats stats = null;
        while (stats == null) stats = run.trainer().trainSlice(0);
        // chance is 0.1; a 784-16-10 network reaches about 0.8 after one epoch
        assertTrue(stats.test().accuracy() > 0.7, "one epoch: " + stats.test().accuracy());
        String py = KerasScript.of(run, "test");
        assertTrue(py.contains("keras.datasets.fashion_mnist.load_data()"), py.substring(0, 1500));
        assertTrue(py.contains("class_names = [") && py.contains("T-shirt/top") && py.contains("Ankle boot"), py.substring(0, 1500));
    }
}
