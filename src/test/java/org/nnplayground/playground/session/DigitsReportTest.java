package org.nnplayground.playground.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.nnplayground.playground.data.DatasetKind;
import org.nnplayground.playground.data.ImageSets;
import org.nnplayground.playground.link.PlaygroundLink;
import org.nnplayground.playground.nn.EpochStats;

import java.security.SecureRandom;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An MNIST run: the shared data, the fixed split, the digit views' report and its JSON. */
class DigitsReportTest {
    private static final String SMALL = "dataset=mnist&networkShape=16&activation=relu&optimizer=adam&batchSize=50&learningRate=0.003&seed=0.5";

    private static TrainingRun run(String link) {
        return TrainingRun.create(PlaygroundLink.parse(link, new SecureRandom()).settings(), null);
    }

    @Test
    void theDigitsAreSharedAndSplitEightThousandToTwoThousandBySeed() {
        TrainingRun a = run(SMALL);
        TrainingRun b = run(SMALL.replace("seed=0.5", "seed=0.6"));
        assertEquals(10_000, ImageSets.of(DatasetKind.MNIST).samples().size());
        assertEquals(8_000, a.split().train().size());
        assertEquals(2_000, a.split().test().size());
        assertSame(ImageSets.of(DatasetKind.MNIST), a.split().source(), "one copy of the data per server");
        assertSame(a.split().train().get(0).inputs(), a.trainer().trainData().inputs()[0], "a run's inputs are the shared pixels");
        assertTrue(a.split().train().get(0) != b.split().train().get(0) || a.split().train().get(1) != b.split().train().get(1),
                "another seed, another split");
        double max = 0;
        for (double v : a.trainer().trainData().inputs()[0]) max = Math.max(max, v);
        assertTrue(max > 0.5 && max <= 1, "pixels scaled to 0..1");
    }

    @Test
    void theBooksNetworkIsAllowedForImages() {
        TrainingRun book = run("dataset=mnist&networkShape=128,64&activation=relu&dropout=0.2&optimizer=adam&batchSize=10&learningRate=0.001&seed=1");
        assertEquals(109_386, book.spec().parameterCount());
        assertEquals("glorot", book.settings().init().key());
        assertTrue(book.isImage());
        assertNull(book.gridInputs(10), "no heatmap plane for pixels");
    }

    @Test
    void theKerasScriptOfAnImageRunLoadsKerasMnistInsteadOfListingPixels() {
        TrainingRun run = run(SMALL);
        String py = org.nnplayground.playground.export.KerasScript.of(run, "test");
        assertTrue(py.contains("keras.datasets.mnist.load_data()"), py.substring(0, 2000));
        assertTrue(py.contains("X_train = x_train.reshape(-1, 784)"));
        assertTrue(py.length() < 2_000_000, "the weights, not 10,000 images: " + py.length());
    }

    @Test
    void aFullReportCarriesWeightImagesGalleryAndAfterAnEpochTheConfusionMatrix() throws Exception {
        TrainingRun run = run(SMALL);
        DigitsReport fresh = DigitsReport.of(run, true, true);
        assertEquals(16 * 784, fresh.weights().length);
        assertEquals(DigitsReport.GALLERY * 784, fresh.gallery().length);
        assertNull(fresh.confusion(), "no test pass yet");
        EpochStats stats = null;
        int slices = 0;
        while (stats == null) {
            stats = run.trainer().trainSlice(0);
            slices++;
            if (stats == null) assertNotNull(DigitsReport.of(run, false, false).progress());
        }
        assertTrue(slices > 160, "an epoch of 160 batches goes in pieces: " + slices);
        DigitsReport trained = DigitsReport.of(run, true, false);
        int total = 0, diagonal = 0;
        for (int a = 0; a < 10; a++) for (int p = 0; p < 10; p++) {
            total += trained.confusion()[a][p];
            if (a == p) diagonal += trained.confusion()[a][p];
        }
        assertEquals(2_000, total);
        assertEquals(stats.test().accuracy(), diagonal / 2000.0, 1e-12);
        assertTrue(stats.test().accuracy() > 0.8, "one epoch of a small network: " + stats.test().accuracy());
        JsonNode json = new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(trained));
        assertEquals(16 * 784, Base64.getDecoder().decode(json.get("weights").asText()).length);
        assertEquals(10, json.get("confusion").size());
        assertEquals(1, json.get("epoch").asInt());
        assertNull(trained.gallery(), "the gallery's images only when asked for");
        assertNull(trained.galleryLabels());
        assertEquals(DigitsReport.GALLERY, trained.galleryPredicted().length);
        assertEquals(java.util.Arrays.toString(fresh.galleryLabels()), java.util.Arrays.toString(DigitsReport.of(run, true, true).galleryLabels()),
                "the same gallery all run long");
        var parts = DigitsReport.full(run, true, true);
        assertEquals(1 + 1, parts.size(), "the gallery, then 16 neurons' weights in one part");
        assertNotNull(parts.get(0).gallery());
        var unseen = DigitsReport.full(run, false, false);
        assertEquals(1, unseen.size(), "weight images off screen: the gallery's predictions and confusion matrix alone");
        assertNull(unseen.get(0).weights());
        assertNull(unseen.get(0).gallery());
        assertNotNull(unseen.get(0).galleryPredicted());
        assertTrue(new ObjectMapper().writeValueAsString(unseen.get(0)).length() < 2_000, "predictions and a confusion matrix are small");
        for (DigitsReport part : parts) assertTrue(new ObjectMapper().writeValueAsString(part).length() < 64 * 1024);
        assertEquals(0, parts.get(1).firstNeuron());
        assertEquals(16 * 784, parts.get(1).weights().length);
    }
}
