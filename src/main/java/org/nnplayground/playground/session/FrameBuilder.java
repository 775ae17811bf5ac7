package org.nnplayground.playground.session;

import org.ejml.data.DMatrixRMaj;
import org.nnplayground.playground.nn.Activation;
import org.nnplayground.playground.nn.EpochStats;
import org.nnplayground.playground.nn.GridEvaluator;
import org.nnplayground.playground.nn.Metrics;
import org.nnplayground.playground.nn.Network;
import org.nnplayground.playground.nn.NetworkSpec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.zip.Deflater;

/**
 * Encodes one binary frame (layout in docs/protocol.md): figures, loss history, every weight,
 * the big heatmap and a 10x10 thumbnail per node, grids quantized to bytes, replaced by their
 * prediction residuals ({@link GridPredictor}) and DEFLATEd. The big heatmap is a 100x100 grid
 * coded as its {@code evalSize}^2 samples, which the decoder upsamples bilinearly: heatmaps are
 * for eyes, and this keeps a class of 200 affordable.
 */
final class FrameBuilder {
    /** The frame format's version (docs/protocol.md); 2: every count and size is a u32. */
    static final byte VERSION = 2;
    static final int GRID = 100;
    static final int THUMB = 10;
    /** The side of the class view's boundary grid ({@link Boundary}), smaller only for networks too big to afford it. */
    static final int BOUNDARY = 40;
    /**
     * Most multiply-adds one frame's grid evaluation may take (parameters x grid points): a frame
     * cannot be cut, so the biggest network's frame must stay one short piece of a turn. A big network's
     * heatmap is coded on a coarser grid (at least 10 x 10) that the browser upsamples as usual.
     */
    static final long MAX_FRAME_WORK = 25_000_000L;
    /**
     * A network with more nodes than this sends its thumbnails with every {@link #THUMB_EVERY}th
     * frame while frames follow each other: the page cannot show hundreds of small pictures changing
     * 60 times a second, and their coding is most of such a frame's bytes after the weights.
     */
    static final int MANY_THUMBS = 64;
    static final int THUMB_EVERY = 4;
    private static final byte MODE_SCALAR = 0;
    private static final byte MODE_CLASSES = 1;

    private final TrainingRun run;
    private final NetworkSpec spec;
    private final int evalSize;
    /** Grid inputs, shared by every session with the same features. */
    private final DMatrixRMaj inputs;
    private final DMatrixRMaj thumbInputs;
    private final int boundarySize;
    private final DMatrixRMaj boundaryInputs;
    private final int nonInputNodes;
    private final int gridCapacity;
    /** The regression output's value range shown from one end of the colour scale to the other (null: [-1, 1]). */
    private final double[] outputRange;
    /**
     * An image run's frames carry no weights (a parameter count of 0): no page draws its network, and
     * 784 x 128 floats would be most of every frame; its first layer goes as byte images in
     * {@code digits} messages, only while the page shows them.
     */
    private final boolean weightless;
    /** Work memory of the thread building the current frame (see FrameScratch). */
    private GridEvaluator evaluator;
    private GridEvaluator thumbEvaluator;
    private byte[] grids;
    private byte[] compressed;
    /** The output layer's thumbnails of the last frame, before prediction coding (class dashboards). */
    private byte[] outputThumbs = new byte[0];

    FrameBuilder(TrainingRun run, int evalSize) {
        this.run = run;
        this.spec = run.spec();
        this.evalSize = affordableEvalSize(spec.parameterCount(), evalSize);
        // planar data over its plane; data with 3+ columns over the chosen 2-D slice (GridPlane)
        this.inputs = run.gridInputs(this.evalSize);
        this.thumbInputs = run.gridInputs(THUMB);
        this.boundarySize = affordableEvalSize(spec.parameterCount(), BOUNDARY);
        this.boundaryInputs = run.gridInputs(boundarySize);
        int nodes = 0;
        for (int l = 1; l <= spec.numLayers(); l++) nodes += spec.width(l);
        this.nonInputNodes = nodes;
        this.gridCapacity = 2 * this.evalSize * this.evalSize + nodes * THUMB * THUMB;
        // the labels' range whatever the output: a sigmoid's 0..1 on prices up to 5 shows as the low
        // prices it predicts, in the colours of the points it misses (TF's 2v - 1 would paint it 'high')
        this.outputRange = run.outputRange();
        this.weightless = run.isImage();
    }

    /** The largest coded grid size up to {@code wanted} whose evaluation stays within {@link #MAX_FRAME_WORK}. */
    static int affordableEvalSize(int parameters, int wanted) {
        long points = MAX_FRAME_WORK / Math.max(1, parameters) - THUMB * THUMB;
        int n = (int) Math.floor(Math.sqrt(Math.max(0, points)));
        return Math.max(THUMB, Math.min(wanted, n));
    }

    /** The coded size of the big heatmap in this run's frames. */
    int evalSize() { return evalSize; }

    /** Total number of nodes, inputs included (the frame's node numbering). */
    int nodeCount() { return spec.inputs() + nonInputNodes; }

    /** Builds the frame for the network's current state, with every node's thumbnail. */
    ByteBuffer build(Network net, EpochStats stats, LossHistory history, int selectedNode) {
        return build(net, stats, history, selectedNode, true);
    }

    /** True if a network of this many nodes sends thumbnails with only some of its paced frames. */
    boolean thumbsSometimes() { return nonInputNodes > MANY_THUMBS; }

    /**
     * Builds the frame for the network's current state; without {@code withThumbs} it carries no
     * thumbnails (a thumbCount of 0: the page keeps showing the last ones).
     */
    ByteBuffer build(Network net, EpochStats stats, LossHistory history, int selectedNode, boolean withThumbs) {
        boolean planar = inputs != null;
        FrameScratch scratch = FrameScratch.get();
        grids = scratch.grids(gridCapacity);
        compressed = scratch.compressed(gridCapacity + gridCapacity / 8 + 64);
        if (planar) {
            evaluator = scratch.evaluator(spec, evalSize * evalSize);
            thumbEvaluator = scratch.evaluator(spec, THUMB * THUMB);
        }
        int gridBytes = 0;
        byte mode = MODE_SCALAR;
        int thumbs = 0;
        if (planar) {
            evaluator.evaluate(net, inputs);
            mode = writeBigGrid(selectedNode);
            int planes = mode == MODE_CLASSES ? 2 : 1;
            int plane = evalSize * evalSize;
            gridBytes = planes * plane;
            if (withThumbs) {
                thumbs = nonInputNodes;
                gridBytes += writeThumbnails(net, gridBytes);
                int outBytes = spec.width(spec.numLayers()) * THUMB * THUMB;
                outputThumbs = Arrays.copyOfRange(grids, gridBytes - outBytes, gridBytes);
            }
            for (int p = 0; p < planes; p++) GridPredictor.encode(grids, p * plane, evalSize);
            for (int t = 0; t < thumbs; t++) GridPredictor.encode(grids, planes * plane + t * THUMB * THUMB, THUMB);
        }
        int compressedLength = deflate(scratch.deflater, gridBytes);
        int params = weightless ? 0 : spec.parameterCount();
        ByteBuffer b = ByteBuffer.allocate(96 + history.count() * 8 + params * 4 + compressedLength).order(ByteOrder.LITTLE_ENDIAN);
        b.put(VERSION).put(mode).putInt(stats.epoch());
        b.putDouble(stats.train().loss()).putDouble(stats.test() == null ? Double.NaN : stats.test().loss());
        b.putDouble(quality(stats.train())).putDouble(stats.test() == null ? Double.NaN : quality(stats.test()));
        b.putInt(history.firstEpoch()).putInt(history.count());
        for (int i = 0; i < history.count(); i++) b.putFloat(history.train(i)).putFloat(history.test(i));
        b.putInt(selectedNode);
        b.putInt(params);
        for (int l = 1; l <= spec.numLayers() && !weightless; l++) for (double w : net.weights(l).data) b.putFloat((float) w);
        for (int l = 1; l <= spec.numLayers() && !weightless; l++) for (double v : net.biases(l).data) b.putFloat((float) v);
        b.putInt(planar ? GRID : 0).putInt(planar ? evalSize : 0);
        b.putInt(planar ? THUMB : 0).putInt(thumbs);
        b.putInt(compressedLength).put(compressed, 0, compressedLength);
        return b.flip();
    }

    /** The output layer's 10x10 thumbnails of the last frame built with thumbnails (empty for non-planar data). */
    byte[] outputThumbs() { return outputThumbs; }

    int outputThumbCount() { return outputThumbs.length / (THUMB * THUMB); }

    /**
     * The output over the plane on the boundary grid (at most {@link #MAX_FRAME_WORK} multiply-adds,
     * as a frame's grids), or {@link Boundary#NONE} for data without a plane.
     */
    Boundary boundary(Network net) {
        if (boundaryInputs == null) return Boundary.NONE;
        GridEvaluator e = FrameScratch.get().evaluator(spec, boundarySize * boundarySize);
        e.evaluate(net, boundaryInputs);
        DMatrixRMaj out = e.layer(spec.numLayers());
        int points = boundarySize * boundarySize;
        byte[] grid = new byte[points];
        boolean classes = out.numRows > 1;
        double[] v = out.data;
        for (int p = 0; p < points; p++) {
            if (classes) {
                int best = 0;
                for (int k = 1; k < out.numRows; k++) if (v[k * points + p] > v[best * points + p]) best = k;
                grid[p] = (byte) best;
            } else {
                double x = v[p];
                grid[p] = (byte) quantize(outputRange == null ? display(x, spec.outputActivation())
                        : 2 * (x - outputRange[0]) / (outputRange[1] - outputRange[0]) - 1);
            }
        }
        return new Boundary(boundarySize, classes, grid);
    }

    static double quality(Metrics m) {
        if (m.accuracy() != null) return m.accuracy();
        return m.r2() != null ? m.r2() : Double.NaN;
    }

    /** Writes the selected node's grid (or the classes of a softmax output) at the start of {@code grids}. */
    private byte writeBigGrid(int selectedNode) {
        int inputsCount = spec.inputs();
        int plane = evalSize * evalSize;
        if (selectedNode < inputsCount) {
            quantizeInto(inputs.data, selectedNode * plane, Activation.LINEAR);
            return MODE_SCALAR;
        }
        int layer = 1;
        int index = selectedNode - inputsCount;
        while (index >= spec.width(layer)) index -= spec.width(layer++);
        boolean outputLayer = layer == spec.numLayers();
        if (outputLayer && spec.outputActivation() == Activation.SOFTMAX) {
            writeClasses(evaluator.layer(layer));
            return MODE_CLASSES;
        }
        if (outputLayer) quantizeOutput(evaluator.layer(layer).data, index * plane, evalSize * evalSize, 0);
        else quantizeInto(evaluator.layer(layer).data, index * plane, spec.activation(layer));
        return MODE_SCALAR;
    }

    /** The output's values from {@code start}, {@code n} of them, as display bytes at {@code to}: [-1, 1] or the label range. */
    private void quantizeOutput(double[] values, int start, int n, int to) {
        Activation act = spec.outputActivation();
        for (int i = 0; i < n; i++) {
            double v = values[start + i];
            // v in [lo, hi] -> 2 (v - lo) / (hi - lo) - 1 in [-1, 1]
            grids[to + i] = (byte) quantize(outputRange == null ? display(v, act)
                    : 2 * (v - outputRange[0]) / (outputRange[1] - outputRange[0]) - 1);
        }
    }

    /** One node's eval grid as display bytes at the start of {@code grids}; the browser upsamples it. */
    private void quantizeInto(double[] values, int start, Activation act) {
        for (int i = 0; i < evalSize * evalSize; i++) grids[i] = (byte) quantize(display(values[start + i], act));
    }

    /** Class mode: argmax class, then (second plane) its confidence, per eval point. */
    private void writeClasses(DMatrixRMaj out) {
        int points = evalSize * evalSize;
        int classes = out.numRows;
        double[] v = out.data;
        double chance = 1.0 / classes;
        for (int p = 0; p < points; p++) {
            int best = 0;
            for (int k = 1; k < classes; k++) if (v[k * points + p] > v[best * points + p]) best = k;
            grids[p] = (byte) best;
            grids[points + p] = (byte) quantize(2 * (v[best * points + p] - chance) / (1 - chance) - 1);
        }
    }

    /**
     * 10x10 thumbnail per non-input node, evaluated directly at 10x10 points (TF Playground
     * averages 10x10 blocks of its 100x100 grid: the same picture for the eye, at a fraction of the work).
     */
    private int writeThumbnails(Network net, int offset) {
        thumbEvaluator.evaluate(net, thumbInputs);
        int pos = offset;
        for (int l = 1; l <= spec.numLayers(); l++) {
            double[] v = thumbEvaluator.layer(l).data;
            Activation act = spec.activation(l);
            if (l == spec.numLayers()) {
                quantizeOutput(v, 0, v.length, pos);
                pos += v.length;
                continue;
            }
            for (int k = 0; k < v.length; k++) grids[pos++] = (byte) quantize(display(v[k], act));
        }
        return pos - offset;
    }

    /** Probabilities (sigmoid, softmax) are shown on the [-1, 1] scale with 0.5 in the middle. */
    private static double display(double v, Activation act) {
        return act == Activation.SIGMOID || act == Activation.SOFTMAX || act == Activation.STEP ? 2 * v - 1 : v;
    }

    /** [-1, 1] to 0..255, rounded; out-of-range values clamp, NaN shows as 0 (the middle). */
    private static int quantize(double v) {
        double c = v > 1 ? 1 : (v < -1 ? -1 : (v == v ? v : 0));
        return (int) ((c + 1) * 127.5 + 0.5);
    }

    private int deflate(Deflater deflater, int length) {
        deflater.reset();
        deflater.setInput(grids, 0, length);
        deflater.finish();
        int total = 0;
        while (!deflater.finished()) total += deflater.deflate(compressed, total, compressed.length - total);
        return total;
    }
}
