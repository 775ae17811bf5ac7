package org.nnplayground.playground.export;

import org.junit.jupiter.api.Test;
import org.nnplayground.playground.data.CsvImport;
import org.nnplayground.playground.data.CsvOptions;
import org.nnplayground.playground.data.DataSet;
import org.nnplayground.playground.data.Examples;
import org.nnplayground.playground.data.Sample;
import org.nnplayground.playground.link.PlaygroundLink;
import org.nnplayground.playground.link.PlaygroundSettings;
import org.nnplayground.playground.session.GridPlane;
import org.nnplayground.playground.session.TrainingRun;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The exported boundary.png shows what the page shows: the run's own plane, not always TF's [-6, 6]. */
class BoundaryPngTest {
    private static final int BLUE = 0x0877bd;
    private static final int ORANGE = 0xf59322;

    private static PlaygroundSettings settings(String link) {
        return PlaygroundLink.parse(link, new SplittableRandom(1)).settings();
    }

    /** Training points are drawn where the page draws them: their pixel has the point's class colour (overlaps aside). */
    private static void assertPointsOnThePlane(TrainingRun run, double atLeast) throws Exception {
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(BoundaryPng.of(run)));
        assertEquals(400, png.getWidth());
        GridPlane plane = run.plane();
        int hits = 0;
        for (Sample s : run.split().train()) {
            double fx = (s.inputs()[plane.xColumn()] - plane.xMin()) / (plane.xMax() - plane.xMin());
            double fy = (plane.yMax() - s.inputs()[plane.yColumn()]) / (plane.yMax() - plane.yMin());
            int px = (int) Math.round(2 + fx * 396);
            int py = (int) Math.round(2 + fy * 396);
            int rgb = png.getRGB(px, py) & 0xffffff;
            if (rgb == (s.label() > 0 ? BLUE : ORANGE)) hits++;
        }
        int n = run.split().train().size();
        assertTrue(hits >= atLeast * n, hits + " of " + n + " training points are drawn where the page draws them");
    }

    @Test
    void theXorTableFillsThePictureAsOnThePage() throws Exception {
        TrainingRun run = TrainingRun.create(settings("dataset=xor-table&percTrainData=100&networkShape=4&seed=0.3"), null);
        assertPointsOnThePlane(run, 1.0);
    }

    @Test
    void theAlienPlanetUsesItsDataRange() throws Exception {
        assertPointsOnThePlane(TrainingRun.create(settings("dataset=alien&percTrainData=100&networkShape=4&seed=0.3"), null), 1.0);
    }

    @Test
    void aCsvWithFourColumnsExportsThePagesSlice() throws Exception {
        DataSet data = CsvImport.read(Examples.find("three_species").orElseThrow().read(), new CsvOptions(null, "three_species.csv"));
        TrainingRun run = TrainingRun.create(settings("seed=0.2&sliceX=body_mass_kg"), data);
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(BoundaryPng.of(run)));
        assertEquals(400, png.getHeight());
    }

    @Test
    void tfDataSetsKeepTheirSquare() throws Exception {
        // 450 test points are drawn over the 50 training points: many centres are covered by their rings
        assertPointsOnThePlane(TrainingRun.create(settings("dataset=circle&noise=0&percTrainData=10&seed=0.3"), null), 0.5);
    }
}
