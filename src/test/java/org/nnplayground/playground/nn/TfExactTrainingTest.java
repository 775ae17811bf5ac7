package org.nnplayground.playground.nn;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** TF-exact training reproduces TensorFlow Playground's own runs bit for bit. */
class TfExactTrainingTest {

    @ParameterizedTest
    @ValueSource(strings = {"H1", "H3", "H6", "H8"})
    void reproducesEveryLossAndWeight(String name) {
        TfVector v = TfVector.load(name);
        Network net = Network.create(v.spec(), WeightInit.TF, () -> 0.5);
        v.load(net, "initial");
        Trainer trainer = new Trainer(net, v.config(), v.data("train"), v.data("test"));
        assertLosses(v, trainer.lastStats());
        for (int epoch = 1; epoch <= 300; epoch++) {
            EpochStats stats = trainer.trainEpoch();
            assertLosses(v, stats);
            if (epoch == 1 || epoch == 10 || epoch == 300) assertWeights(v, net, "afterEpoch" + epoch);
        }
    }

    private static void assertLosses(TfVector v, EpochStats stats) {
        int e = stats.epoch();
        assertEquals(v.loss("lossTrain", e), stats.train().loss(), 0.0, v.name() + " train loss at epoch " + e);
        assertEquals(v.loss("lossTest", e), stats.test().loss(), 0.0, v.name() + " test loss at epoch " + e);
    }

    private static void assertWeights(TfVector v, Network actual, String snapshot) {
        Network expected = Network.create(v.spec(), WeightInit.TF, () -> 0.5);
        v.load(expected, snapshot);
        for (int l = 1; l <= actual.numLayers(); l++) {
            for (int k = 0; k < actual.weights(l).data.length; k++) {
                assertEquals(expected.weights(l).data[k], actual.weights(l).data[k], 0.0, snapshot + " weight " + l + "/" + k);
                assertEquals(expected.deadLinks(l)[k], actual.deadLinks(l)[k], snapshot + " dead " + l + "/" + k);
            }
            for (int i = 0; i < actual.biases(l).data.length; i++) {
                assertEquals(expected.biases(l).data[i], actual.biases(l).data[i], 0.0, snapshot + " bias " + l + "/" + i);
            }
        }
    }
}
