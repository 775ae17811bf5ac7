package org.nnplayground.playground.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nnplayground.playground.data.DatasetKind;
import org.nnplayground.playground.data.Feature;
import org.nnplayground.playground.data.Problem;
import org.nnplayground.playground.nn.Activation;
import org.nnplayground.playground.nn.LossKind;
import org.nnplayground.playground.nn.OptimizerKind;
import org.nnplayground.playground.nn.Regularization;
import org.nnplayground.playground.nn.WeightInit;

class PlaygroundLinkTest {

    private static final String H1 = "activation=tanh&batchSize=10&dataset=circle&regDataset=reg-plane"
            + "&learningRate=0.03&regularizationRate=0&noise=0&networkShape=4,2&seed=0.66230&showTestData=false"
            + "&discretize=false&percTrainData=50&x=true&y=true&xTimesY=false&xSquared=false&ySquared=false"
            + "&cosX=false&sinX=false&cosY=false&sinY=false&collectStats=false&problem=classification"
            + "&initZero=false&hideText=false";

    private static LinkResult parse(String link) {
        return PlaygroundLink.parse(link, new SplittableRandom(42));
    }

    private static PlaygroundSettings settings(String link) {
        return parse(link).settings();
    }

    // --- where the keys are found ---

    @Test
    void readsAFullUrlAHashAndABareHashAlike() {
        PlaygroundSettings bare = settings(H1);
        assertEquals(bare, settings("#" + H1));
        assertEquals(bare, settings("https://playground.tensorflow.org/#" + H1));
        assertEquals(bare, settings("http://localhost:7070/play?" + H1));
        assertEquals(H1, settings("https://playground.tensorflow.org/#" + H1).toHash());
    }

    @Test
    void aUrlWithoutSettingsGivesTfDefaults() {
        PlaygroundSettings s = settings("https://playground.tensorflow.org/");
        assertEquals(Activation.TANH, s.activation());
        assertArrayEquals(new int[] {4, 2}, s.networkShape());
        assertEquals(List.of(Feature.X, Feature.Y), s.features());
        assertTrue(s.tfExact());
    }

    @Test
    void decodesValuesAndIgnoresEmptyParts() {
        LinkResult r = parse("&&seed=a%20b%26c&&tutorial=dp-reducing-overfitting&");
        assertEquals(List.of(), r.warnings());
        assertEquals("a b&c", r.settings().seed());
        assertEquals("dp-reducing-overfitting", r.settings().tutorial());
        // Written back encoded so the link still splits correctly, and read back the same.
        assertTrue(r.settings().toHash().contains("seed=a%20b%26c&"));
        assertEquals(r.settings(), settings(r.settings().toHash()));
    }

    // --- defaults and the seed ---

    @Test
    void missingSeedIsFreshAndDeterministicForTheSameSource() {
        String a = settings("activation=relu").seed();
        assertTrue(a.matches("0\\.\\d{5}|1\\.00000"), a);
        assertEquals(a, settings("activation=relu").seed());
        assertEquals(a, PlaygroundLink.freshSeed(new SplittableRandom(42)));
        assertNotEquals(a, PlaygroundLink.parse("", new SplittableRandom(7)).settings().seed());
    }

    @Test
    void tfWritesEveryKeyButSkipsRegularizationNoneAndAbsentTutorial() {
        String hash = settings("seed=0.1").toHash();
        assertFalse(hash.contains("regularization="));
        assertFalse(hash.contains("tutorial="));
        assertTrue(hash.startsWith("activation=tanh&batchSize=10&dataset=circle&"), hash);
        assertTrue(hash.endsWith("&problem=classification&initZero=false&hideText=false"), hash);
    }

    @Test
    void emptyNetworkShapeMeansNoHiddenLayer() {
        PlaygroundSettings s = settings("networkShape=&seed=1");
        assertArrayEquals(new int[0], s.networkShape());
        assertTrue(s.toHash().contains("&networkShape=&seed=1&"));
    }

    // --- warnings ---

    @Test
    void unknownKeysAreIgnoredWithAWarning() {
        LinkResult r = parse(H1 + "&foo=1&bar");
        assertEquals(settings(H1), r.settings());
        assertTrue(r.warnings().contains("unknown key 'foo' ignored"), r.warnings().toString());
        assertTrue(r.warnings().contains("unknown key 'bar' ignored"), r.warnings().toString());
    }

    @Test
    void aRepeatedKeyKeepsTheLastValueWithAWarning() {
        LinkResult r = parse("noise=5&noise=10");
        assertEquals(10, r.settings().noise());
        assertEquals(1, r.warnings().size());
        assertTrue(r.warnings().get(0).contains("noise"));
    }

    @ParameterizedTest
    @CsvSource({
        "noise, 80, 50", "noise, -5, 0",
        "percTrainData, 5, 10", "percTrainData, 105, 100",
        "dropout, 0.95, 0.9", "dropout, -0.1, 0",
        "batchSize, 0, 1", "batchSize, 20000, 10000",
        "learningRate, 0, 0.00001", "learningRate, -1, 0.00001", "learningRate, 11, 10",
        "regularizationRate, 12, 10", "regularizationRate, -0.5, 0",
        "networkShape, '4,0,300', '4,1,256'"
    })
    void outOfRangeNumbersAreClampedWithAWarning(String key, String given, String clamped) {
        LinkResult r = parse(key + "=" + given);
        assertEquals(clamped, r.settings().text(LinkKey.find(key).orElseThrow()));
        assertFalse(r.warnings().isEmpty());
        assertTrue(r.warnings().stream().allMatch(w -> w.startsWith(key + " ")), r.warnings().toString());
    }

    @Test
    void anEmptyValueFallsBackToTheDefaultWithAWarning() {
        LinkResult r = parse("activation=&optimizer=");
        assertEquals(Activation.TANH, r.settings().activation());
        assertFalse(r.settings().isSet(LinkKey.OPTIMIZER));
        assertEquals(2, r.warnings().size());
    }

    // --- refusals ---

    @ParameterizedTest
    @CsvSource({
        "activation, banana", "activation, softmax", "regularization, L3", "dataset, reg-plane",
        "regDataset, circle", "problem, clustering", "optimizer, lbfgs", "loss, hinge", "output, relu",
        "init, random", "batchSize, ten", "batchSize, 10.5", "noise, 0x10", "learningRate, abc",
        "learningRate, NaN", "networkShape, '4,a'", "networkShape, '4,,2'", "networkShape, '1,1,1,1,1,1,1,1,1,1,1'",
        "showTestData, yes", "x, 1", "dropout, half", "showTestData_hide, maybe"
    })
    void aLinkValueThatCannotBeUnderstoodFallsBackToTheDefaultWithAWarningNamingTheKey(String key, String value) {
        LinkResult r = parse("seed=0.5&regularizationRate=0.3&" + key + "=" + value);
        LinkResult clean = parse("seed=0.5&regularizationRate=0.3");
        // the refused key is at its default; the rest of the link applies
        assertEquals(clean.settings(), r.settings());
        assertEquals(1, r.warnings().size(), r.warnings().toString());
        assertTrue(r.warnings().get(0).startsWith(key + ": "), r.warnings().toString());
    }

    @ParameterizedTest
    @CsvSource({"activation, banana", "learningRate, abc", "networkShape, '1,1,1,1,1,1,1,1,1,1,1'", "showTestData, yes"})
    void aChangeThatCannotBeUnderstoodIsRefusedNamingTheKey(String key, String value) {
        LinkException e = assertThrows(LinkException.class, () -> parse(H1).settings().with(key, value));
        assertEquals(key, e.key());
        assertTrue(e.getMessage().startsWith(key + ": "), e.getMessage());
    }

    @Test
    void refusalOfAnEnumListsTheAllowedValuesAndTheDefaultUsed() {
        LinkResult r = parse("activation=banana&learningRate=0.1");
        assertEquals(List.of("activation: unknown value 'banana' (allowed: relu, tanh, sigmoid, linear, step); using the default (tanh)"),
                r.warnings());
        assertEquals(0.1, r.settings().learningRate());
        assertEquals(Activation.TANH, r.settings().activation());
    }

    @Test
    void aHiddenFeatureIsNoInputEvenWhenOn() {
        PlaygroundSettings hidden = settings("x=true&y=true&xSquared=true&x_hide=true&xSquared_hide=true");
        assertEquals(List.of(Feature.Y), hidden.features());
        assertTrue(hidden.tfExact());
    }

    @Test
    void speedAndSliceAreNeutralForTfExactness() {
        assertTrue(settings(H1 + "&speed=10&sliceX=a").tfExact());
        assertEquals(10, settings("speed=10").speed());
        assertEquals(1, settings("").speed());
    }

    @Test
    void tenHiddenLayersAreAllowed() {
        assertEquals(LinkLimits.MAX_HIDDEN_LAYERS, settings("networkShape=1,2,3,4,5,6,7,8,9,10").networkShape().length);
    }

    // --- our keys and TF-exactness ---

    @Test
    void ourKeysAreWrittenAfterTfsOnlyWhenSetAndRoundTrip() {
        String link = H1 + "&showTestData_hide=true&noise_hide=true&optimizer=adam&loss=crossentropy"
                + "&output=softmax&dropout=0.2&init=he&activation=step&dataset=blobs3";
        PlaygroundSettings s = settings(link);
        assertEquals(OptimizerKind.ADAM, s.optimizer());
        assertEquals(LossKind.CROSS_ENTROPY, s.loss());
        assertEquals(Activation.SOFTMAX, s.outputActivation());
        assertEquals(0.2, s.dropout());
        assertEquals(WeightInit.HE, s.init());
        assertEquals(Activation.STEP, s.activation());
        assertEquals(DatasetKind.BLOBS3, s.datasetInUse());
        assertEquals(Set.of("showTestData", "noise"), s.hiddenControls());
        assertFalse(s.tfExact());

        String hash = s.toHash();
        assertTrue(hash.endsWith("&hideText=false&showTestData_hide=true&noise_hide=true"
                + "&optimizer=adam&loss=crossentropy&output=softmax&dropout=0.2&init=he"), hash);
        PlaygroundSettings again = settings(hash);
        assertEquals(s, again);
        assertEquals(hash, again.toHash());
    }

    @Test
    void allSettingsChangedRoundTrip() {
        String link = "activation=sigmoid&regularization=L2&batchSize=25&dataset=xor&regDataset=reg-gauss"
                + "&learningRate=0.00001&regularizationRate=0.003&noise=35&networkShape=8,8,3&seed=abc"
                + "&showTestData=true&discretize=true&percTrainData=70&x=false&y=true&xTimesY=true"
                + "&xSquared=true&ySquared=true&cosX=true&sinX=true&cosY=true&sinY=true&collectStats=true"
                + "&tutorial=intro&problem=regression&initZero=true&hideText=true&discretize_hide=true"
                + "&optimizer=rmsprop&loss=mae&output=auto&dropout=0&init=glorot";
        PlaygroundSettings s = settings(link);
        assertEquals(link, s.toHash());
        assertEquals(s, settings(s.toHash()));
        assertEquals(Regularization.L2, s.regularization());
        assertEquals(Problem.REGRESSION, s.problem());
        assertEquals(DatasetKind.REG_GAUSS, s.datasetInUse());
        assertEquals(Activation.LINEAR, s.outputActivation());
        assertEquals(List.of(Feature.Y, Feature.X_SQUARED, Feature.Y_SQUARED, Feature.X_TIMES_Y,
                Feature.SIN_X, Feature.SIN_Y), s.features());
        assertEquals(WeightInit.GLOROT, s.init());
    }

    @ParameterizedTest
    @CsvSource({"optimizer, adam", "dataset, moons", "activation, step", "loss, square", "dropout, 0.1"})
    void oneOfOurKeysOrValuesMakesALinkNotTfExact(String key, String value) {
        assertTrue(settings(H1).tfExact());
        assertFalse(settings(H1 + "&" + key + "=" + value).tfExact());
    }

    @Test
    void initFollowsInitZeroUnlessGiven() {
        assertEquals(WeightInit.ZERO, settings("initZero=true").init());
        assertEquals(WeightInit.HE, settings("initZero=true&init=he").init());
        assertEquals(WeightInit.TF, settings("initZero=false").init());
    }

    @Test
    void outputAutoFollowsTheProblem() {
        assertEquals(Activation.TANH, settings("output=auto").outputActivation());
        assertEquals(Activation.LINEAR, settings("problem=regression").outputActivation());
        assertEquals(Activation.SIGMOID, settings("problem=regression&output=sigmoid").outputActivation());
    }

    // --- changing one setting ---

    @Test
    void withChangesOneSettingAndValidatesLikeParsing() {
        PlaygroundSettings s = settings(H1);
        PlaygroundSettings faster = s.with("learningRate", "0.1");
        assertEquals(0.1, faster.learningRate());
        assertEquals(0.03, s.learningRate()); // the original is untouched
        assertEquals(H1.replace("learningRate=0.03", "learningRate=0.1"), faster.toHash());
        LinkException e = assertThrows(LinkException.class, () -> s.with("learningRate", "abc"));
        assertEquals("learningRate", e.key());
        assertThrows(LinkException.class, () -> s.with("nonsense", "1"));
    }

    @Test
    void withReportsClampsAndCanUnsetOurKeys() {
        PlaygroundSettings s = settings(H1);
        LinkResult r = s.change("noise", "70");
        assertEquals(50, r.settings().noise());
        assertEquals(1, r.warnings().size());
        PlaygroundSettings adam = s.with(LinkKey.OPTIMIZER, "adam");
        assertFalse(adam.tfExact());
        assertEquals(s, adam.with(LinkKey.OPTIMIZER, ""));
        assertThrows(LinkException.class, () -> s.with(LinkKey.SEED, ""));
    }

    @Test
    void typedHelpersKeepTheRules() {
        PlaygroundSettings s = settings(H1);
        assertEquals("0.12345", s.withSeed("0.12345").seed());
        assertArrayEquals(new int[] {6, 256}, s.withNetworkShape(new int[] {6, 999}).networkShape());
        assertThrows(LinkException.class, () -> s.withNetworkShape(new int[11]));
        PlaygroundSettings hidden = s.withHidden("noise", true);
        assertEquals(Set.of("noise"), hidden.hiddenControls());
        assertTrue(hidden.toHash().endsWith("&hideText=false&noise_hide=true"));
        assertEquals(s, hidden.withHidden("noise", false));
    }

    @Test
    void networkShapeIsACopy() {
        PlaygroundSettings s = settings(H1);
        s.networkShape()[0] = 99;
        assertArrayEquals(new int[] {4, 2}, s.networkShape());
    }

    @Test
    void defaultsAreTfsAndTutorialIsAbsent() {
        PlaygroundSettings s = PlaygroundSettings.defaults("0.5");
        assertEquals("0.5", s.seed());
        assertNull(s.tutorial());
        assertFalse(s.isSet(LinkKey.TUTORIAL));
        assertEquals(s, PlaygroundLink.parse("seed=0.5", new SplittableRandom(0)).settings());
    }
}
