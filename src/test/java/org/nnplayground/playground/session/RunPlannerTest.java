package org.nnplayground.playground.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.nnplayground.playground.data.CsvImport;
import org.nnplayground.playground.data.CsvOptions;
import org.nnplayground.playground.data.DataSet;
import org.nnplayground.playground.data.DatasetKind;
import org.nnplayground.playground.data.Examples;
import org.nnplayground.playground.data.Problem;
import org.nnplayground.playground.link.LinkKey;
import org.nnplayground.playground.link.PlaygroundLink;
import org.nnplayground.playground.link.PlaygroundSettings;
import org.nnplayground.playground.link.SettingEffect;
import org.nnplayground.playground.nn.Activation;
import org.nnplayground.playground.nn.LossKind;

/** The planner's fits and fallbacks, each with its warning, and "what changed decides" for a live change. */
class RunPlannerTest {

    private static PlaygroundSettings settings(String link) {
        return PlaygroundLink.parse(link, new SplittableRandom(1)).settings();
    }

    private static DataSet example(String name) throws Exception {
        return CsvImport.read(Examples.find(name).orElseThrow().read(), new CsvOptions(null, name + ".csv"));
    }

    /** A seed supplier that counts how often a fresh seed was drawn. */
    private static final class Seeds implements Supplier<String> {
        final AtomicInteger drawn = new AtomicInteger();

        @Override
        public String get() { return "0.7" + drawn.incrementAndGet(); }
    }

    // ---- fits and fallbacks --------------------------------------------------------------------

    @Test
    void theStudentsOwnDataIsDataLocalWithItsOwnProblem() throws Exception {
        DataSet prices = example("house_prices");
        RunPlan plan = RunPlanner.plan(settings("problem=classification&seed=0.2"), prices);
        assertEquals("local", plan.settings().text(LinkKey.DATA));
        assertEquals(Problem.REGRESSION, plan.settings().problem());
        assertEquals(Problem.REGRESSION, plan.problem());
        assertEquals(0, plan.numClasses());
        assertEquals(Activation.LINEAR, plan.spec().outputActivation());
        assertFalse(plan.config().tfExact(), "the student's own data is never TF-exact");
        assertTrue(plan.warnings().isEmpty(), plan.warnings().toString());
    }

    @Test
    void dataLocalWithoutItsDataRunsTheDataSetAndSaysSo() {
        RunPlan plan = RunPlanner.plan(settings("data=local&dataset=spiral&seed=0.2"), null);
        assertFalse(plan.settings().isSet(LinkKey.DATA));
        assertEquals(DatasetKind.SPIRAL, plan.settings().datasetInUse());
        assertEquals(1, plan.warnings().size());
        assertTrue(plan.warnings().get(0).startsWith("data=local"), plan.warnings().toString());
    }

    @Test
    void tfDataKeepsTfsRatioWhileTablesTrainOnEveryPoint() {
        RunPlan circle = RunPlanner.plan(settings("dataset=circle&percTrainData=100&seed=0.2"), null);
        assertEquals(90, circle.settings().percTrainData());
        assertEquals(90, circle.percTrain());
        assertEquals(List.of("percTrainData 100 is for tables and your own data; TF Playground's data sets keep 10 to 90, so using 90"),
                circle.warnings());
        assertEquals(450, circle.trainSamples());

        RunPlan table = RunPlanner.plan(settings("dataset=xor-table&percTrainData=50&seed=0.2"), null);
        assertEquals(100, table.percTrain(), "4 points: all of them train");
        assertEquals(50, table.settings().percTrainData(), "the link keeps the student's ratio");
        assertEquals(4, table.trainSamples());
        assertTrue(table.warnings().isEmpty());
    }

    @Test
    void theBundledImagesSplitEightyTwenty() {
        RunPlan digits = RunPlanner.plan(settings("dataset=mnist&networkShape=16&seed=0.2"), null);
        assertEquals(80, digits.percTrain());
        assertTrue(digits.bundledImages());
        assertEquals(10, digits.numClasses());
        assertEquals(Activation.SOFTMAX, digits.spec().outputActivation());
        assertEquals(LossKind.CROSS_ENTROPY, digits.config().loss());
    }

    @Test
    void sliceColumnsTheDataLacksGoBackToTheDefault() throws Exception {
        RunPlan unknown = RunPlanner.plan(settings("seed=0.2&sliceY=wings"), example("three_species"));
        assertFalse(unknown.settings().isSet(LinkKey.SLICE_Y));
        assertEquals(1, unknown.warnings().size());
        assertTrue(unknown.warnings().get(0).startsWith("sliceY: no input column 'wings'"), unknown.warnings().toString());

        RunPlan planar = RunPlanner.plan(settings("seed=0.2&sliceX=x1"), null);
        assertFalse(planar.settings().isSet(LinkKey.SLICE_X));
        assertTrue(planar.warnings().get(0).contains("only two inputs"), planar.warnings().toString());
    }

    @Test
    void theWarningsComeInTheOrderTheFitsApply() {
        RunPlan plan = RunPlanner.plan(settings("data=local&percTrainData=100&sliceX=a&seed=0.2"), null);
        assertEquals(3, plan.warnings().size(), plan.warnings().toString());
        assertTrue(plan.warnings().get(0).startsWith("data=local"));
        assertTrue(plan.warnings().get(1).startsWith("percTrainData 100"));
        assertTrue(plan.warnings().get(2).startsWith("sliceX"));
    }

    @Test
    void aNetworkTooBigForTheDataIsRefusedBeforeAnyPointIsDrawn() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RunPlanner.plan(settings("dataset=circle&networkShape=220,220&percTrainData=90&seed=0.2"), null));
        assertTrue(e.getMessage().startsWith("this network is too big for this much data"), e.getMessage());
        assertTrue(e.getMessage().contains("49501 parameters x 450 training samples"), e.getMessage());
    }

    @Test
    void forgivingPutsTheModelsKeyBackFirstAndNamesIt() {
        List<String> warnings = new ArrayList<>();
        RunPlan plan = RunPlanner.forgiving(settings("dataset=circle&networkShape=220,220&noise=20&percTrainData=90&seed=0.2"), null, warnings::add);
        assertEquals(List.of(4, 2), java.util.Arrays.stream(plan.settings().networkShape()).boxed().toList());
        assertEquals(20, plan.settings().noise(), "the data keeps its noise");
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("networkShape=220,220 cannot be used here (this network is too big"), warnings.get(0));
    }

    @Test
    void forgivingFallsBackOnAnOutputTheProblemCannotTake() {
        List<String> warnings = new ArrayList<>();
        RunPlan plan = RunPlanner.forgiving(settings("problem=regression&output=softmax&learningRate=0.1&seed=1"), null, warnings::add);
        assertEquals(Activation.LINEAR, plan.spec().outputActivation());
        assertEquals(0.1, plan.config().learningRate());
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("output=softmax cannot be used here (softmax is for classification"), warnings.get(0));
        assertThrows(IllegalArgumentException.class, () -> RunPlanner.plan(settings("problem=regression&output=softmax&seed=1"), null));
    }

    @Test
    void anOutputAndLossThatDoNotGoTogetherAreRefusedByThePlan() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RunPlanner.plan(settings("output=sigmoid&loss=crossentropy&seed=1"), null));
        assertTrue(e.getMessage().contains("go together"), e.getMessage());
    }

    // ---- display facts ---------------------------------------------------------------------------

    @Test
    void theDisplayFactsComeFromTheData() throws Exception {
        RunPlan alien = RunPlanner.plan(settings("dataset=alien&seed=0.2"), null);
        assertEquals(List.of("sad", "happy"), alien.classNames());
        assertEquals(List.of("aack", "beep"), alien.data().inputNames());
        RunPlan blobs = RunPlanner.plan(settings("dataset=blobs3&seed=0.2"), null);
        assertEquals(3, blobs.numClasses());
        assertNull(blobs.outputRange());

        RunPlan prices = RunPlanner.plan(settings("seed=0.2"), example("house_prices"));
        double[] range = prices.outputRange();
        double lo = example("house_prices").samples().stream().mapToDouble(s -> s.label()).min().orElseThrow();
        double hi = example("house_prices").samples().stream().mapToDouble(s -> s.label()).max().orElseThrow();
        assertArrayEquals(new double[] {lo, hi}, range, 0.0);
        assertNull(RunPlanner.plan(settings("problem=regression&seed=0.2"), null).outputRange(), "TF's data keeps TF's -1..1");
    }

    @Test
    void aPlanKnowsTheDataItsRunDraws() {
        for (DatasetKind kind : DatasetKind.values()) {
            if (kind.isImage()) continue;
            String key = kind.problem() == Problem.CLASSIFICATION ? "dataset=" : "problem=regression&regDataset=";
            RunPlan plan = RunPlanner.plan(settings(key + kind.key() + "&seed=0.4"), null);
            TrainingRun run = TrainingRun.build(plan);
            assertEquals(run.split().source().samples().size(), plan.samples(), kind.key());
            assertEquals(run.split().train().size(), plan.trainSamples(), kind.key());
            assertEquals(run.split().source().classNames(), plan.classNames(), kind.key());
            assertSame(plan, run.plan());
        }
    }

    // ---- what changed decides ---------------------------------------------------------------

    @Test
    void aRateChangesLiveWithTheWholeTrainingConfiguration() {
        RunPlan running = RunPlanner.plan(settings("dataset=xor&seed=0.2"), null);
        Seeds seeds = new Seeds();
        RunPlanner.Change c = RunPlanner.change(running, "learningRate", "0.3", seeds);
        assertEquals(SettingEffect.LIVE, c.effect());
        assertEquals(0.3, c.plan().config().learningRate());
        assertEquals(running.config().withLearningRate(0.3), c.plan().config());
        assertEquals(running.settings().seed(), c.plan().settings().seed());
        assertEquals(0, seeds.drawn.get(), "no new data, no seed drawn");
    }

    @Test
    void aCourseKeySetLiveEndsTfExactTrainingWithoutANewNetwork() {
        RunPlan running = RunPlanner.plan(settings("dataset=xor&seed=0.2"), null);
        assertTrue(running.config().tfExact());
        RunPlanner.Change c = RunPlanner.change(running, "earlyStop", "5", new Seeds());
        assertEquals(SettingEffect.LIVE, c.effect());
        assertFalse(c.plan().config().tfExact(), "the link no longer says TF's rules, so the trainer leaves them");
    }

    @Test
    void theNetworkDisplayAndSlice() throws Exception {
        RunPlan running = RunPlanner.plan(settings("dataset=xor&seed=0.2"), null);
        assertEquals(SettingEffect.NEW_NETWORK, RunPlanner.change(running, "networkShape", "3", new Seeds()).effect());
        assertEquals(SettingEffect.NEW_NETWORK, RunPlanner.change(running, "x_hide", "true", new Seeds()).effect(),
                "a hidden feature is no input");
        assertEquals(SettingEffect.DISPLAY, RunPlanner.change(running, "showTestData", "true", new Seeds()).effect());
        RunPlan species = RunPlanner.plan(settings("seed=0.2"), example("three_species"));
        RunPlanner.Change slice = RunPlanner.change(species, "sliceX", "body_mass_kg", new Seeds());
        assertEquals(SettingEffect.SLICE, slice.effect());
        assertEquals(species.spec(), slice.plan().spec());
    }

    @Test
    void newDataDrawsOneFreshSeedAndTheSeedKeyKeepsItsOwn() {
        RunPlan running = RunPlanner.plan(settings("dataset=xor&seed=0.2"), null);
        Seeds seeds = new Seeds();
        RunPlanner.Change noise = RunPlanner.change(running, "noise", "20", seeds);
        assertEquals(SettingEffect.NEW_DATA, noise.effect());
        assertEquals(1, seeds.drawn.get());
        assertEquals("0.71", noise.plan().settings().seed());
        RunPlanner.Change seed = RunPlanner.change(running, "seed", "0.5", seeds);
        assertEquals(SettingEffect.NEW_SEED, seed.effect());
        assertEquals("0.5", seed.plan().settings().seed());
        assertEquals(1, seeds.drawn.get());
        // TF's data-set thumbnails regenerate even when the set clicked is the one in use
        assertEquals(SettingEffect.NEW_DATA, RunPlanner.change(running, "dataset", "xor", seeds).effect());
    }

    @Test
    void pickingADataSetReplacesTheStudentsOwnData() throws Exception {
        RunPlan csv = RunPlanner.plan(settings("seed=0.2"), example("three_species"));
        RunPlanner.Change c = RunPlanner.change(csv, "dataset", "spiral", new Seeds());
        assertEquals(SettingEffect.NEW_DATA, c.effect());
        assertNull(c.plan().uploaded());
        assertFalse(c.plan().settings().isSet(LinkKey.DATA));
        assertEquals(DatasetKind.SPIRAL, c.plan().settings().datasetInUse());
        assertTrue(c.plan().warnings().isEmpty(), c.plan().warnings().toString());
        // a key that picks no data keeps the student's data
        RunPlanner.Change noise = RunPlanner.change(csv, "batchSize", "5", new Seeds());
        assertSame(csv.uploaded(), noise.plan().uploaded());
        assertEquals(SettingEffect.NEW_NETWORK, noise.effect());
    }

    @Test
    void aProblemTheFileCannotTakeIsRefusedInOneSentence() throws Exception {
        RunPlan csv = RunPlanner.plan(settings("seed=0.2"), example("three_species"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RunPlanner.change(csv, "problem", "regression", new Seeds()));
        assertTrue(e.getMessage().endsWith("it cannot be a regression."), e.getMessage());
    }

    @Test
    void aPartnerKeySwitchedWithItsNote() {
        RunPlan running = RunPlanner.plan(settings("dataset=circle&seed=0.1&loss=mse"), null);
        RunPlanner.Change c = RunPlanner.change(running, "output", "softmax", new Seeds());
        assertEquals(SettingEffect.NEW_NETWORK, c.effect());
        assertEquals(LossKind.CROSS_ENTROPY, c.plan().config().loss());
        assertEquals(List.of("Softmax output: the loss is now cross-entropy (the two go together)."), c.notes());
    }

    @Test
    void aTablesPresetComesWithTheTableAsNewData() {
        RunPlan running = RunPlanner.plan(settings("dataset=circle&seed=0.1"), null);
        RunPlanner.Change c = RunPlanner.change(running, "dataset", "xor-table", new Seeds());
        assertEquals(SettingEffect.NEW_DATA, c.effect());
        assertEquals(0.3, c.plan().config().learningRate());
        assertEquals(1, c.notes().size(), c.notes().toString());
        assertEquals(100, c.plan().percTrain());
    }

    @Test
    void theEffectIsTheStrongestOfWhatDiffers() {
        PlaygroundSettings a = settings("dataset=xor&seed=0.2");
        assertEquals(SettingEffect.DISPLAY, RunPlanner.difference(a, a));
        assertEquals(SettingEffect.LIVE, RunPlanner.difference(a, a.with(LinkKey.LEARNING_RATE, "0.1")));
        assertEquals(SettingEffect.NEW_NETWORK, RunPlanner.difference(a, a.with(LinkKey.LEARNING_RATE, "0.1").with(LinkKey.NETWORK_SHAPE, "3")));
        assertEquals(SettingEffect.NEW_DATA, RunPlanner.difference(a, a.with(LinkKey.NOISE, "10").with(LinkKey.SEED, "0.3")));
    }
}
