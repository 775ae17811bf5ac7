package org.nnplayground.playground.export;

import org.ejml.data.DMatrixRMaj;
import org.nnplayground.playground.data.DataSet;
import org.nnplayground.playground.data.Sample;
import org.nnplayground.playground.nn.Activation;
import org.nnplayground.playground.nn.OutputDecoder;
import org.nnplayground.playground.session.GridPlane;
import org.nnplayground.playground.session.TrainingRun;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The output heatmap with the data points, as the page draws it: the output on a 100x100 grid over
 * the run's plane (TF's [-6, 6]^2 for its data sets, the data's own range for tables and CSVs, and
 * for 3+ columns the page's 2-D slice with the other inputs at their training mean; orange -1,
 * white 0, blue +1; a class colour by confidence for 3+ classes), training points with a white
 * ring, test points with a black one.
 */
public final class BoundaryPng {
    private static final int GRID = 100;
    private static final int CELL = 4;
    private static final Color NEGATIVE = new Color(0xf5, 0x93, 0x22);
    private static final Color POSITIVE = new Color(0x08, 0x77, 0xbd);
    private static final Color[] CLASSES = {NEGATIVE, POSITIVE, new Color(0x2c, 0xa0, 0x2c), new Color(0xd6, 0x27, 0x28),
        new Color(0x94, 0x67, 0xbd), new Color(0x8c, 0x56, 0x4b), new Color(0xe3, 0x77, 0xc2), new Color(0x7f, 0x7f, 0x7f),
        new Color(0xbc, 0xbd, 0x22), new Color(0x17, 0xbe, 0xcf)};

    private BoundaryPng() {}

    public static byte[] of(TrainingRun run) {
        if (run.isImage()) throw new IllegalArgumentException("image data has no plane to draw a decision boundary on");
        DataSet data = run.split().source();
        GridPlane plane = run.plane();
        int size = GRID * CELL;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Activation output = run.spec().outputActivation();
        // the very inputs the page's heatmap uses (features of x and y, or the slice), row 0 at the top
        DMatrixRMaj cells = run.gridInputs(GRID);
        double[] in = new double[cells.numRows];
        for (int r = 0; r < GRID; r++) {
            for (int c = 0; c < GRID; c++) {
                for (int k = 0; k < in.length; k++) in[k] = cells.unsafe_get(k, r * GRID + c);
                int rgb = colour(run.trainer().predict(in), output).getRGB();
                for (int dy = 0; dy < CELL; dy++) for (int dx = 0; dx < CELL; dx++) image.setRGB(c * CELL + dx, r * CELL + dy, rgb);
            }
        }
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setStroke(new BasicStroke(1.2f));
        drawPoints(g, run.split().train(), data, plane, Color.WHITE);
        drawPoints(g, run.split().test(), data, plane, Color.BLACK);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }

    private static void drawPoints(Graphics2D g, List<Sample> points, DataSet data, GridPlane plane, Color ring) {
        // cell centres run from min (column 0) to max (column GRID-1), as in GridInputs
        double xScale = (GRID - 1) * CELL / (plane.xMax() - plane.xMin());
        double yScale = (GRID - 1) * CELL / (plane.yMax() - plane.yMin());
        for (Sample s : points) {
            int px = (int) Math.round(CELL / 2.0 + (s.inputs()[plane.xColumn()] - plane.xMin()) * xScale);
            int py = (int) Math.round(CELL / 2.0 + (plane.yMax() - s.inputs()[plane.yColumn()]) * yScale);
            Color fill = data.numClasses() == 0 ? blend(Math.max(-1, Math.min(1, s.label())))
                    : CLASSES[OutputDecoder.classIndex(s.label(), data.numClasses()) % CLASSES.length];
            g.setColor(fill);
            g.fillOval(px - 4, py - 4, 8, 8);
            g.setColor(ring);
            g.drawOval(px - 4, py - 4, 8, 8);
        }
    }

    private static Color colour(double[] out, Activation output) {
        if (out.length > 1) {
            int k = OutputDecoder.classOf(out, output);
            double confidence = Math.max(0, (out[k] - 1.0 / out.length) / (1 - 1.0 / out.length));
            return mix(Color.WHITE, CLASSES[k % CLASSES.length], confidence);
        }
        double v = output == Activation.SIGMOID ? 2 * out[0] - 1 : out[0];
        return blend(Math.max(-1, Math.min(1, v)));
    }

    /** -1 orange, 0 white, +1 blue. */
    private static Color blend(double v) {
        return v < 0 ? mix(Color.WHITE, NEGATIVE, -v) : mix(Color.WHITE, POSITIVE, v);
    }

    private static Color mix(Color a, Color b, double t) {
        return new Color((int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * t),
                (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
                (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t));
    }
}
