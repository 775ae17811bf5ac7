package org.nnplayground.playground.session;

import org.junit.jupiter.api.Test;
import org.nnplayground.playground.codec.RunSnapshotCodec;
import org.nnplayground.playground.data.CsvImport;
import org.nnplayground.playground.data.CsvOptions;
import org.nnplayground.playground.data.DataSet;
import org.nnplayground.playground.link.PlaygroundLink;
import org.nnplayground.playground.nn.EpochStats;
import org.nnplayground.playground.nn.Network;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Save after 50 epochs, restore from bytes, 50 more: every figure equals an unsaved 100-epoch run bit for bit. */
public class RunSnapshotTest {
    /** TF-exact: a batch of 7 leaves a partial batch carried over each epoch, L1 kills links. */
    public static final String TF_SGD = "activation=tanh&batchSize=7&dataset=circle&regDataset=reg-plane&learningRate=0.03"
            + "&regularizationRate=0.003&noise=10&networkShape=4,2&seed=0.12345&showTestData=false&discretize=false"
            + "&percTrainData=50&x=true&y=true&xTimesY=false&xSquared=true&ySquared=false&cosX=false&sinX=false"
            + "&cosY=false&sinY=false&collectStats=false&problem=classification&initZero=false&hideText=false&regularization=L1";
    public static final String ADAM_DROPOUT = "dataset=spiral&networkShape=16,8&activation=relu&optimizer=adam&learningRate=0.01"
            + "&dropout=0.2&batchSize=10&seed=0.5&regularization=L2&regularizationRate=0.001";
    public static final String BOOK = "networkShape=128,64&activation=relu&dropout=0.2&output=softmax&optimizer=adam"
            + "&learningRate=0.001&seed=0.777&batchSize=10";

    @Test
    void tfExactSgdResumesBitForBit() { assertResumes(TF_SGD, null); }

    @Test
    void adamWithDropoutResumesBitForBit() { assertResumes(ADAM_DROPOUT, null); }

    @Test
    void everyOtherOptimizerResumesBitForBit() {
        for (String opt : new String[] {"sgd", "momentum", "rmsprop", "adagrad"}) {
            assertResumes("dataset=xor&networkShape=5,3&activation=tanh&optimizer=" + opt + "&dropout=0.1&batchSize=4&seed=0.9", null);
        }
    }

    @Test
    void csvRunResumesBitForBit() throws Exception {
        String csv = Files.readString(Path.of("src/test/resources/datasets/one_circle.csv"));
        DataSet data = CsvImport.read(csv, new CsvOptions(null, "one_circle.csv"));
        assertResumes(BOOK, data);
    }

    @Test
    void anMnistRunRestoresItsTestAccuracyAndGoesOnBitForBit() {
        String link = "dataset=mnist&networkShape=16&activation=relu&dropout=0.2&optimizer=adam&batchSize=100&learningRate=0.003&seed=0.7";
        TrainingRun straight = TrainingRun.create(PlaygroundLink.parse(link, new SecureRandom()).settings(), null);
        RunHistory history = new RunHistory();
        history.add(straight.trainer().lastStats());
        EpochStats trained = straight.trainer().trainEpoch();
        history.add(trained);
        TrainingRun resumed = RunSnapshotCodec.decode(RunSnapshotCodec.encode(RunSnapshot.capture(straight, history))).restore();
        // the test figures are measured the same way; the training ones were the epoch's running figures
        assertEquals(trained.test().accuracy(), resumed.trainer().lastStats().test().accuracy(), 0.0);
        assertEquals(trained.test().loss(), resumed.trainer().lastStats().test().loss(), 0.0);
        assertSame(straight.trainer().trainEpoch(), resumed.trainer().trainEpoch(), link);
        assertSameWeights(straight.network(), resumed.network(), link);
    }

    private static void assertResumes(String link, DataSet csv) {
        TrainingRun straight = TrainingRun.create(PlaygroundLink.parse(link, new SecureRandom()).settings(), csv);
        TrainingRun first = TrainingRun.create(PlaygroundLink.parse(link, new SecureRandom()).settings(), csv);
        RunHistory history = new RunHistory();
        history.add(first.trainer().lastStats());
        for (int e = 0; e < 50; e++) {
            history.add(first.trainer().trainEpoch());
            straight.trainer().trainEpoch();
        }
        byte[] saved = RunSnapshotCodec.encode(RunSnapshot.capture(first, history));
        RunSnapshot loaded = RunSnapshotCodec.decode(saved);
        assertEquals(51, loaded.history().size());
        assertEquals(50, loaded.epoch());
        TrainingRun resumed = loaded.restore();
        assertSame(straight.trainer().lastStats(), resumed.trainer().lastStats(), link);
        assertEquals(straight.settings().toHash(), resumed.settings().toHash());
        for (int e = 0; e < 50; e++) {
            EpochStats a = straight.trainer().trainEpoch();
            EpochStats b = resumed.trainer().trainEpoch();
            assertSame(a, b, link + " epoch " + a.epoch());
        }
        assertSameWeights(straight.network(), resumed.network(), link);
        // and a reset afterwards draws the same new weights from the seeded stream
        straight.resetWeights();
        resumed.resetWeights();
        assertSameWeights(straight.network(), resumed.network(), link + " after reset");
    }

    private static void assertSame(EpochStats a, EpochStats b, String what) {
        assertEquals(a.epoch(), b.epoch(), what);
        assertEquals(Double.doubleToRawLongBits(a.train().loss()), Double.doubleToRawLongBits(b.train().loss()), what);
        if (a.test() != null) assertEquals(Double.doubleToRawLongBits(a.test().loss()), Double.doubleToRawLongBits(b.test().loss()), what);
        assertEquals(a.train().accuracy(), b.train().accuracy(), what);
    }

    private static void assertSameWeights(Network a, Network b, String what) {
        for (int l = 1; l <= a.numLayers(); l++) {
            assertTrue(java.util.Arrays.equals(a.weights(l).data, b.weights(l).data), what + " layer " + l);
            assertTrue(java.util.Arrays.equals(a.biases(l).data, b.biases(l).data), what + " layer " + l);
        }
    }

    @Test
    void historyKeepsTheMostRecentEpochsWithinItsBound() {
        RunHistory h = new RunHistory();
        TrainingRun run = TrainingRun.create(PlaygroundLink.parse("dataset=xor&networkShape=2&seed=0.1", new SecureRandom()).settings(), null);
        h.add(run.trainer().lastStats());
        EpochStats s = run.trainer().lastStats();
        for (int e = 1; e <= RunHistory.CAPACITY + 10; e++) h.add(new EpochStats(e, s.train(), s.test(), null));
        RunHistory.Record r = h.snapshot();
        assertTrue(r.size() <= RunHistory.CAPACITY);
        assertEquals(RunHistory.CAPACITY + 10, r.firstEpoch() + r.size() - 1);
        assertNotEquals(0, r.firstEpoch());
    }
}
