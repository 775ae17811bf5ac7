package org.nnplayground.playground.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Properties of every generator; the exact TF ones are also checked in DataSetsTfVectorsTest. */
class GeneratorsTest {

    private static DataSet gen(DatasetKind kind, double noise) {
        return DataSets.generate(kind, noise, TfRandom.seeded("0.12345"));
    }

    @ParameterizedTest
    @EnumSource(DatasetKind.class)
    void everyKindHasConsistentShapeAndLabels(DatasetKind kind) {
        if (kind.isImage()) { // pixels, not points on a plane: DigitsReportTest checks the digits
            DataSet d = gen(kind, 0.2);
            assertEquals(kind.numClasses(), d.numClasses());
            assertEquals(784, d.numInputs());
            assertEquals(kind.defaultSamples(), d.samples().size());
            return;
        }
        DataSet d = gen(kind, 0.2);
        assertEquals(kind.key(), d.name());
        assertEquals(kind.problem(), d.problem());
        assertEquals(kind.numClasses(), d.numClasses());
        assertEquals(2, d.numInputs());
        assertEquals(kind.defaultSamples(), d.samples().size());
        assertEquals(kind.problem() == Problem.REGRESSION ? 0 : kind.numClasses(), d.classNames().size());
        for (Sample s : d.samples()) {
            assertEquals(2, s.inputs().length);
            assertTrue(Math.abs(s.x()) < 12 && Math.abs(s.y()) < 12, kind + " point far off: " + s.x() + "," + s.y());
            if (kind.problem() == Problem.REGRESSION) {
                assertTrue(s.label() >= -1.5 && s.label() <= 1.5, kind + " label " + s.label());
            } else if (kind.numClasses() == 2) {
                assertTrue(s.label() == 1 || s.label() == -1, kind + " label " + s.label());
            } else {
                assertTrue(s.label() == Math.rint(s.label()) && s.label() >= 0 && s.label() < kind.numClasses());
            }
        }
        // Same seed, same data.
        assertSameSamples(d.samples(), gen(kind, 0.2).samples());
    }

    @Test
    void namesFollowTheConventions() {
        assertEquals(List.of("x1", "x2"), gen(DatasetKind.CIRCLE, 0).inputNames());
        assertEquals(List.of("negative", "positive"), gen(DatasetKind.XOR, 0).classNames());
        assertEquals(List.of("class 0", "class 1", "class 2"), gen(DatasetKind.SPIRAL3, 0).classNames());
        assertEquals(List.of(), gen(DatasetKind.REG_PLANE, 0).classNames());
        assertEquals(List.of("aack", "beep"), gen(DatasetKind.ALIEN, 0).inputNames());
        assertEquals(List.of("sad", "happy"), gen(DatasetKind.ALIEN, 0).classNames());
    }

    @Test
    void xorIsPaddedLabelledByQuadrantAndDrawsFourPerPoint() {
        TfRandom rng = TfRandom.seeded("x");
        List<Sample> pts = TfGenerators.xor(100, 0, rng);
        assertEquals(400, rng.draws());
        for (Sample s : pts) {
            assertTrue(Math.abs(s.x()) >= 0.3 && Math.abs(s.y()) >= 0.3);
            assertEquals(s.x() * s.y() >= 0 ? 1 : -1, s.label());
        }
    }

    @Test
    void circleLabelsByRadiusWithoutNoise() {
        for (Sample s : gen(DatasetKind.CIRCLE, 0).samples()) {
            double r = Math.hypot(s.x(), s.y());
            assertEquals(r < 2.5 ? 1 : -1, s.label());
            assertTrue(r <= 5);
        }
    }

    @Test
    void twoGaussPutsPositivesAroundTwoTwo() {
        List<Sample> pts = gen(DatasetKind.GAUSS, 0).samples();
        double sx = 0;
        for (int i = 0; i < 250; i++) {
            assertEquals(1, pts.get(i).label());
            sx += pts.get(i).x();
        }
        assertEquals(2, sx / 250, 0.2);
        assertEquals(-1, pts.get(499).label());
    }

    @Test
    void regressPlaneLabelIsScaledSumWithoutNoise() {
        for (Sample s : gen(DatasetKind.REG_PLANE, 0).samples()) {
            assertEquals((s.x() + s.y()) / 10, s.label(), 1e-12);
        }
    }

    @Test
    void regressGaussianPeaksAtTheCentres() {
        TfRandom rng = TfRandom.seeded("g");
        List<Sample> pts = TfGenerators.regressGaussian(1200, 0, rng);
        for (Sample s : pts) {
            assertTrue(Math.abs(s.label()) <= 1);
            if (Math.hypot(s.x() - 4, s.y() - 2.5) < 0.1) assertTrue(s.label() > 0.9);
            if (Math.hypot(s.x() + 4, s.y() + 2.5) < 0.1) assertTrue(s.label() < -0.9);
        }
    }

    @Test
    void linearScaleMatchesD3() {
        assertEquals(2.25, LinearScale.of(0, 0.5, 0.5, 4).apply(0.25), 0.0);
        assertEquals(-1, LinearScale.of(-10, 10, -1, 1).apply(-10), 0.0);
        LinearScale clamped = LinearScale.of(0, 2, 1, 0).clamp();
        assertEquals(0, clamped.apply(5), 0.0);
        assertEquals(1, clamped.apply(-1), 0.0);
        assertEquals(0.5, clamped.apply(1), 0.0);
        assertEquals(-2, LinearScale.of(0, 2, 1, 0).apply(6), 0.0);
    }

    @Test
    void moonsLieOnTheirHalfCirclesWithoutNoise() {
        for (Sample s : gen(DatasetKind.MOONS, 0).samples()) {
            double ux = s.x() / 3 + 0.5;
            double uy = s.y() / 3 + 0.25;
            if (s.label() > 0) {
                assertEquals(1, Math.hypot(ux, uy), 1e-9);
                assertTrue(uy >= -1e-12);
            } else {
                assertEquals(1, Math.hypot(ux - 1, uy - 0.5), 1e-9);
                assertTrue(uy <= 0.5 + 1e-12);
            }
        }
    }

    @Test
    void noiseBlursMoons() {
        long off = gen(DatasetKind.MOONS, 0.3).samples().stream()
            .filter(s -> s.label() > 0 && Math.abs(Math.hypot(s.x() / 3 + 0.5, s.y() / 3 + 0.25) - 1) > 0.05)
            .count();
        assertTrue(off > 100, "only " + off + " moved");
    }

    @Test
    void checkerboardAlternatesAndNoiseFlipsSomeLabels() {
        for (Sample s : gen(DatasetKind.CHECKERBOARD, 0).samples()) assertEquals(board(s), s.label());
        long flipped = gen(DatasetKind.CHECKERBOARD, 0.3).samples().stream().filter(s -> board(s) != s.label()).count();
        assertTrue(flipped > 20 && flipped < 400, "flipped " + flipped);
    }

    private static double board(Sample s) {
        return (Math.floorMod((int) Math.floor((s.x() + 6) / 3) + (int) Math.floor((s.y() + 6) / 3), 2) == 0) ? 1 : -1;
    }

    @Test
    void curveSplitsAtThreeSinX() {
        List<Sample> pts = gen(DatasetKind.CURVE, 0).samples();
        for (Sample s : pts) assertEquals(s.y() > 3 * Math.sin(s.x()) ? 1 : -1, s.label());
        long pos = pts.stream().filter(s -> s.label() > 0).count();
        assertTrue(pos > 180 && pos < 320, "positives " + pos);
    }

    @Test
    void blobsAreBalancedAndCentredOnARing() {
        List<Sample> pts = gen(DatasetKind.BLOBS4, 0).samples();
        for (int c = 0; c < 4; c++) {
            final int cls = c;
            List<Sample> mine = pts.stream().filter(s -> s.label() == cls).toList();
            assertEquals(150, mine.size());
            double mx = mine.stream().mapToDouble(Sample::x).average().orElseThrow();
            double my = mine.stream().mapToDouble(Sample::y).average().orElseThrow();
            assertEquals(3.5, Math.hypot(mx, my), 0.3);
        }
        assertEquals(3, ExtraGenerators.share(10, 3, 2));
        assertEquals(4, ExtraGenerators.share(10, 3, 0));
    }

    @Test
    void spiral3HasThreeEqualArmsStartingAtTheOrigin() {
        List<Sample> pts = gen(DatasetKind.SPIRAL3, 0).samples();
        for (int c = 0; c < 3; c++) {
            Sample first = pts.get(c * 200);
            assertEquals(c, first.label());
            assertEquals(0, Math.hypot(first.x(), first.y()), 0.0);
        }
        for (Sample s : pts) assertTrue(Math.hypot(s.x(), s.y()) < 5);
    }

    @Test
    void fixedTablesIgnoreNoiseAndDrawNothing() {
        TfRandom rng = TfRandom.seeded("t");
        DataSet alien = DataSets.generate(DatasetKind.ALIEN, 0.5, rng);
        DataSet xor = DataSets.generate(DatasetKind.XOR_TABLE, 0.5, rng);
        assertEquals(0, rng.draws());
        assertEquals(8, alien.samples().size());
        assertEquals(4, alien.samples().stream().filter(s -> s.label() > 0).count());
        Sample first = alien.samples().get(0);
        assertEquals(1, first.x());
        assertEquals(0, first.y());
        assertEquals(-1, first.label());
        Sample fifth = alien.samples().get(4);
        assertEquals(1, fifth.x());
        assertEquals(3, fifth.y());
        assertEquals(1, fifth.label());
        double[] xorLabels = xor.samples().stream().mapToDouble(Sample::label).toArray();
        assertEquals(List.of(-1.0, 1.0, 1.0, -1.0), java.util.Arrays.stream(xorLabels).boxed().toList());
    }

    static void assertSameSamples(List<Sample> a, List<Sample> b) {
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).x(), b.get(i).x(), 0.0);
            assertEquals(a.get(i).y(), b.get(i).y(), 0.0);
            assertEquals(a.get(i).label(), b.get(i).label(), 0.0);
        }
    }
}
