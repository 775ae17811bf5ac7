package org.nnplayground.playground.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/** A decoded binary frame (docs/protocol.md), for tests and the load benchmark. */
record Frame(int version, int mode, int epoch, double lossTrain, double lossTest, double metricTrain, double metricTest,
             int firstHistoryEpoch, float[] historyTrain, float[] historyTest, int selectedNode, float[] weights,
             int gridSize, int codedSize, int thumbSize, int thumbCount, byte[] grids, int bytes) {
    /** The frame format this decoder reads (docs/protocol.md). */
    static final int VERSION = 2;


    static Frame decode(ByteBuffer raw) {
        int bytes = raw.remaining();
        ByteBuffer b = raw.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int version = b.get();
        if (version != VERSION) throw new IllegalStateException("unknown frame version " + version);
        int mode = b.get();
        int epoch = b.getInt();
        double lossTrain = b.getDouble();
        double lossTest = b.getDouble();
        double metricTrain = b.getDouble();
        double metricTest = b.getDouble();
        int first = b.getInt();
        int count = b.getInt();
        float[] ht = new float[count];
        float[] hv = new float[count];
        for (int i = 0; i < count; i++) {
            ht[i] = b.getFloat();
            hv[i] = b.getFloat();
        }
        int selected = b.getInt();
        float[] weights = new float[b.getInt()];
        for (int i = 0; i < weights.length; i++) weights[i] = b.getFloat();
        int grid = b.getInt();
        int coded = b.getInt();
        int thumb = b.getInt();
        int thumbs = b.getInt();
        byte[] compressed = new byte[b.getInt()];
        b.get(compressed);
        if (b.hasRemaining()) throw new IllegalStateException(b.remaining() + " bytes after the frame's end");
        return new Frame(version, mode, epoch, lossTrain, lossTest, metricTrain, metricTest, first, ht, hv, selected, weights,
                grid, coded, thumb, thumbs, decodeGrids(inflate(compressed), grid, coded, thumb, thumbs, mode), bytes);
    }

    /** The big grid's value at (row, col) in [-1, 1] (scalar mode). */
    double cell(int row, int col) {
        return (grids[row * gridSize + col] & 0xff) / 127.5 - 1;
    }

    private static byte[] inflate(byte[] data) {
        Inflater inf = new Inflater(true);
        inf.setInput(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            while (!inf.finished()) {
                int n = inf.inflate(buf);
                if (n == 0 && (inf.needsInput() || inf.needsDictionary())) break;
                out.write(buf, 0, n);
            }
        } catch (DataFormatException e) {
            throw new IllegalStateException(e);
        } finally {
            inf.end();
        }
        return out.toByteArray();
    }

    /** Undoes the prediction coding, then upsamples the big grid's planes to gridSize (protocol.md). */
    private static byte[] decodeGrids(byte[] g, int grid, int coded, int thumb, int thumbs, int mode) {
        if (grid == 0) return g;
        int planes = mode == 1 ? 2 : 1;
        int plane = coded * coded;
        for (int p = 0; p < planes; p++) undoPrediction(g, p * plane, coded);
        for (int t = 0; t < thumbs; t++) undoPrediction(g, planes * plane + t * thumb * thumb, thumb);
        byte[] out = new byte[planes * grid * grid + thumbs * thumb * thumb];
        for (int p = 0; p < planes; p++) upsample(g, p * plane, coded, out, p * grid * grid, grid, mode == 1 && p == 0);
        System.arraycopy(g, planes * plane, out, planes * grid * grid, thumbs * thumb * thumb);
        return out;
    }

    /** JPEG-LS median edge detector, decoded in row-major order. */
    private static void undoPrediction(byte[] g, int offset, int n) {
        for (int i = 0; i < n * n; i++) {
            int r = i / n;
            int c = i % n;
            int p;
            if (r == 0) p = c == 0 ? 0 : g[offset + i - 1] & 0xff;
            else if (c == 0) p = g[offset + i - n] & 0xff;
            else {
                int a = g[offset + i - 1] & 0xff;
                int up = g[offset + i - n] & 0xff;
                int d = g[offset + i - n - 1] & 0xff;
                p = d >= Math.max(a, up) ? Math.min(a, up) : (d <= Math.min(a, up) ? Math.max(a, up) : a + up - d);
            }
            g[offset + i] = (byte) ((g[offset + i] & 0xff) + p);
        }
    }

    /** Bilinear (or nearest, for class indices) from n x n to size x size. */
    private static void upsample(byte[] src, int from, int n, byte[] dst, int to, int size, boolean nearest) {
        double scale = (double) (n - 1) / (size - 1);
        for (int r = 0; r < size; r++) {
            for (int c = 0; c < size; c++) {
                double sr = r * scale;
                double sc = c * scale;
                if (nearest) {
                    dst[to + r * size + c] = src[from + (int) Math.round(sr) * n + (int) Math.round(sc)];
                    continue;
                }
                int r0 = Math.min((int) sr, n - 2);
                int c0 = Math.min((int) sc, n - 2);
                double fr = sr - r0;
                double fc = sc - c0;
                int i = from + r0 * n + c0;
                double top = (src[i] & 0xff) + ((src[i + 1] & 0xff) - (src[i] & 0xff)) * fc;
                double bottom = (src[i + n] & 0xff) + ((src[i + n + 1] & 0xff) - (src[i + n] & 0xff)) * fc;
                dst[to + r * size + c] = (byte) Math.round(top + (bottom - top) * fr);
            }
        }
    }
}
