package org.nnplayground.playground.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.nnplayground.playground.data.CsvImport;
import org.nnplayground.playground.data.CsvOptions;
import org.nnplayground.playground.data.DataSet;
import org.nnplayground.playground.data.Examples;
import org.nnplayground.playground.link.LinkKey;
import org.nnplayground.playground.link.LinkResult;
import org.nnplayground.playground.link.PlaygroundLink;
import org.nnplayground.playground.link.PlaygroundSettings;
import org.nnplayground.playground.nn.Activation;
import org.nnplayground.playground.nn.EpochStats;
import org.nnplayground.playground.nn.LossKind;

/** The run-level parts of "the page never breaks": forgiving links, hidden inputs, small tables, slices. */
class TrainingRunPageTest {

    private static PlaygroundSettings settings(String link) {
        return PlaygroundLink.parse(link, new SplittableRandom(1)).settings();
    }

    private static double[] losses(TrainingRun run, int epochs) {
        double[] out = new double[epochs + 1];
        out[0] = run.trainer().lastStats().train().loss();
        for (int e = 1; e <= epochs; e++) out[e] = run.trainer().trainEpoch().train().loss();
        return out;
    }

    @Test
    void aHiddenFeatureTrainsExactlyLikeTheSameLinkWithTheFeatureOff() {
        String base = "activation=tanh&batchSize=10&dataset=spiral&learningRate=0.03&networkShape=4,2&seed=0.4242"
                + "&percTrainData=50&y=true&xSquared=true&sinY=true&problem=classification";
        TrainingRun hidden = TrainingRun.create(settings(base + "&x=true&sinX=true&x_hide=true&sinX_hide=true"), null);
        TrainingRun off = TrainingRun.create(settings(base + "&x=false&sinX=false"), null);
        assertTrue(hidden.tfExact());
        assertEquals(off.features(), hidden.features());
        assertEquals(3, hidden.spec().inputs());
        double[] a = losses(hidden, 30);
        double[] b = losses(off, 30);
        for (int e = 0; e < a.length; e++) assertEquals(b[e], a[e], 0.0, "epoch " + e);
        // and keeping the hidden input (what the page did before) really is another run
        TrainingRun kept = TrainingRun.create(settings(base + "&x=true&sinX=true"), null);
        assertNotEquals(a[0], losses(kept, 0)[0]);
    }

    @Test
    void aCombinationTheDataRefusesFallsBackToTheDefaultNamingTheKey() {
        // softmax on a regression problem: the run cannot be built as asked
        List<String> warnings = new ArrayList<>();
        TrainingRun run = TrainingRun.build(RunPlanner.forgiving(settings("problem=regression&output=softmax&learningRate=0.1&seed=1"),
                null, warnings::add));
        assertEquals(Activation.LINEAR, run.spec().outputActivation());
        assertEquals(0.1, run.settings().learningRate());
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("output=softmax"), warnings.toString());
    }

    @Test
    void tablesTrainOnAllPointsAndTheXorTableIsLearnedWhole() {
        PlaygroundSettings s = settings("dataset=xor-table&percTrainData=100&networkShape=4,2&activation=tanh"
                + "&learningRate=0.1&batchSize=1&seed=0.3");
        TrainingRun run = TrainingRun.create(s, null);
        assertEquals(4, run.split().train().size());
        assertTrue(run.split().test().isEmpty());
        EpochStats last = null;
        for (int e = 0; e < 1000; e++) last = run.trainer().trainEpoch();
        assertEquals(1.0, last.train().accuracy(), "XOR table accuracy after 1000 epochs: " + last);
        // the plot fits the table, not TF's [-6, 6]
        assertTrue(run.plane().xMin() > -1 && run.plane().xMax() < 2, run.plane().toString());
    }

    @Test
    void tfDataSetsKeepTheirNinetyPercentLimitWithAWarning() {
        TrainingRun run = TrainingRun.create(settings("dataset=circle&percTrainData=100&seed=0.3"), null);
        assertEquals(90, run.settings().percTrainData());
        assertEquals(1, run.warnings().size());
        assertEquals(GridPlane.tensorFlow(), run.plane());
    }

    @Test
    void dataWithFourColumnsShowsASliceHeldAtTheTrainingMeans() throws Exception {
        DataSet data = CsvImport.read(Examples.find("three_species").orElseThrow().read(), new CsvOptions(null, "three_species.csv"));
        TrainingRun run = TrainingRun.create(settings("seed=0.2&sliceX=body_mass_kg"), data);
        GridPlane plane = run.plane();
        assertEquals("body_mass_kg", plane.xName());
        assertEquals("bill_depth_cm", plane.yName());
        DMatrixRMaj grid = run.gridInputs(5);
        assertEquals(4, grid.numRows);
        // across: body mass from the plane's left to its right; up: bill depth; the others constant
        assertEquals(plane.xMin(), grid.get(3, 0), 1e-12);
        assertEquals(plane.xMax(), grid.get(3, 4), 1e-12);
        assertEquals(plane.yMax(), grid.get(1, 0), 1e-12);
        assertEquals(grid.get(2, 0), grid.get(2, 24), 0.0);
        double mean = run.split().train().stream().mapToDouble(p -> p.inputs()[2]).average().orElseThrow();
        assertEquals(mean, grid.get(2, 7), 1e-12);
        // an unknown column falls back to the default with a warning
        TrainingRun unknown = TrainingRun.create(settings("seed=0.2&sliceY=wings"), data);
        assertEquals(1, unknown.warnings().size());
        assertFalse(unknown.settings().isSet(LinkKey.SLICE_Y));
    }

    @Test
    void softmaxAndCrossEntropySwitchTogetherAndSquareLossOnThreeClassesIsRefused() {
        TrainingRun blobs = TrainingRun.create(settings("dataset=blobs3&seed=0.1"), null);
        DataSet three = blobs.split().source();
        LinkResult picked = CoherentChange.apply(blobs.settings().change("loss", "crossentropy"), "loss", three);
        assertEquals(LossKind.CROSS_ENTROPY, picked.settings().loss());
        assertThrows(IllegalArgumentException.class,
                () -> CoherentChange.apply(blobs.settings().change("loss", "mse"), "loss", three));
        TrainingRun circle = TrainingRun.create(settings("dataset=circle&seed=0.1&loss=mse"), null);
        LinkResult softmax = CoherentChange.apply(circle.settings().change("output", "softmax"), "output", circle.split().source());
        assertEquals(LossKind.CROSS_ENTROPY, softmax.settings().loss());
        assertEquals(1, softmax.warnings().size());
        LinkResult back = CoherentChange.apply(softmax.settings().change("loss", "square"), "loss", circle.split().source());
        assertFalse(back.settings().isSet(LinkKey.OUTPUT));
    }
}
