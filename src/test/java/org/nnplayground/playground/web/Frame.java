package org.nnplayground.playground.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/** A decoded binary frame (docs/protocol.md), for tests and the load benchmark. */
record Frame(int mode, int epoch, double lossTrain, double lossTest, double metricTrain, double metricTest,
             int firstHistoryEpoch, float[] historyTrain, float[] historyTest, int selectedNode, float[] weights,
             int gridSize, int thumbSize, int thumbCount, byte[] grids, int bytes) {

    static Frame decode(ByteBuffer raw) {
        int bytes = raw.remaining();
        ByteBuffer b = raw.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int version = b.get();
        if (version != 1) throw new IllegalStateException("unknown frame version " + version);
        int mode = b.get();
        int epoch = b.getInt();
        double lossTrain = b.getDouble();
        double lossTest = b.getDouble();
        double metricTrain = b.getDouble();
        double metricTest = b.getDouble();
        int first = b.getInt();
        int count = Short.toUnsignedInt(b.getShort());
        float[] ht = new float[count];
        float[] hv = new float[count];
        for (int i = 0; i < count; i++) {
            ht[i] = b.getFloat();
            hv[i] = b.getFloat();
        }
        int selected = Short.toUnsignedInt(b.getShort());
        float[] weights = new float[Short.toUnsignedInt(b.getShort())];
        for (int i = 0; i < weights.length; i++) weights[i] = b.getFloat();
        int grid = Short.toUnsignedInt(b.getShort());
        int thumb = Short.toUnsignedInt(b.getShort());
        int thumbs = Short.toUnsignedInt(b.getShort());
        byte[] compressed = new byte[b.getInt()];
        b.get(compressed);
        return new Frame(mode, epoch, lossTrain, lossTest, metricTrain, metricTest, first, ht, hv, selected, weights,
                grid, thumb, thumbs, undelta(inflate(compressed), grid, thumb, thumbs, mode), bytes);
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

    /** Undoes the per-row delta coding of every plane and thumbnail. */
    private static byte[] undelta(byte[] g, int grid, int thumb, int thumbs, int mode) {
        int pos = 0;
        int planes = grid == 0 ? 0 : (mode == 1 ? 2 : 1);
        for (int p = 0; p < planes; p++) pos = undeltaRows(g, pos, grid, grid);
        for (int t = 0; t < thumbs; t++) pos = undeltaRows(g, pos, thumb, thumb);
        return g;
    }

    private static int undeltaRows(byte[] g, int pos, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            int prev = 0;
            for (int c = 0; c < cols; c++) {
                prev = (prev + g[pos]) & 0xff;
                g[pos++] = (byte) prev;
            }
        }
        return pos;
    }
}
