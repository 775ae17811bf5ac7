package org.nnplayground.playground.codec;

import org.nnplayground.playground.data.DataSet;
import org.nnplayground.playground.data.Problem;
import org.nnplayground.playground.data.Sample;
import org.nnplayground.playground.nn.TrainerState;
import org.nnplayground.playground.session.RunHistory;
import org.nnplayground.playground.session.RunSnapshot;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * A {@link RunSnapshot} as bytes: a versioned binary layout (doubles as their exact 64 bits, so a
 * restored run continues bit for bit), DEFLATE-compressed. Stored as one column of the runs table.
 */
public final class RunSnapshotCodec {
    private static final int MAGIC = 0x4e4e5052; // "NNPR"
    private static final int VERSION = 1;
    /** Largest array or list a snapshot may declare (guards against corrupt lengths). */
    private static final int MAX_LENGTH = 50_000_000;

    private RunSnapshotCodec() {}

    public static byte[] encode(RunSnapshot s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new DeflaterOutputStream(bytes), 1 << 16))) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            writeString(out, s.link());
            out.writeLong(s.randomDraws());
            out.writeBoolean(s.uploaded() != null);
            if (s.uploaded() != null) writeData(out, s.uploaded());
            writeTrainer(out, s.trainer());
            writeHistory(out, s.history());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static RunSnapshot decode(byte[] data) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(new InflaterInputStream(new ByteArrayInputStream(data)), 1 << 16))) {
            if (in.readInt() != MAGIC) throw new IllegalArgumentException("not a saved run");
            int version = in.readInt();
            if (version != VERSION) throw new IllegalArgumentException("saved run format " + version + " is not known to this server");
            String link = readString(in);
            long draws = in.readLong();
            DataSet uploaded = in.readBoolean() ? readData(in) : null;
            TrainerState trainer = readTrainer(in);
            RunHistory.Record history = readHistory(in);
            return new RunSnapshot(link, uploaded, draws, trainer, history);
        } catch (IOException e) {
            throw new IllegalArgumentException("the saved run is damaged (" + e.getMessage() + ")", e);
        }
    }

    private static void writeData(DataOutputStream out, DataSet d) throws IOException {
        writeString(out, d.name());
        writeString(out, d.problem().name());
        out.writeInt(d.numClasses());
        writeStrings(out, d.inputNames());
        writeStrings(out, d.classNames());
        out.writeInt(d.samples().size());
        for (Sample s : d.samples()) {
            writeDoubles(out, s.inputs());
            out.writeDouble(s.label());
        }
    }

    private static DataSet readData(DataInputStream in) throws IOException {
        String name = readString(in);
        Problem problem = Problem.valueOf(readString(in));
        int numClasses = in.readInt();
        List<String> inputs = readStrings(in);
        List<String> classes = readStrings(in);
        int n = length(in);
        List<Sample> samples = new ArrayList<>(n);
        for (int i = 0; i < n; i++) samples.add(new Sample(readDoubles(in), in.readDouble()));
        return new DataSet(name, List.copyOf(samples), problem, numClasses, inputs, classes);
    }

    private static void writeTrainer(DataOutputStream out, TrainerState t) throws IOException {
        out.writeInt(t.epoch());
        writeMatrix(out, t.weights());
        writeMatrix(out, t.biases());
        out.writeInt(t.dead().length);
        for (boolean[] layer : t.dead()) {
            out.writeInt(layer.length);
            for (boolean d : layer) out.writeBoolean(d);
        }
        writeMatrix(out, t.gradWeights());
        writeMatrix(out, t.gradBiases());
        out.writeInt(t.gradCount());
        out.writeLong(t.randomState());
        out.writeInt(t.order().length);
        for (int i : t.order()) out.writeInt(i);
        TrainerState.OptimizerState o = t.optimizer();
        out.writeBoolean(o != null);
        if (o != null) {
            writeMatrix(out, o.first());
            out.writeBoolean(o.second() != null);
            if (o.second() != null) writeMatrix(out, o.second());
            out.writeInt(o.steps());
        }
    }

    private static TrainerState readTrainer(DataInputStream in) throws IOException {
        int epoch = in.readInt();
        double[][] w = readMatrix(in);
        double[][] b = readMatrix(in);
        boolean[][] dead = new boolean[length(in)][];
        for (int l = 0; l < dead.length; l++) {
            dead[l] = new boolean[length(in)];
            for (int k = 0; k < dead[l].length; k++) dead[l][k] = in.readBoolean();
        }
        double[][] gw = readMatrix(in);
        double[][] gb = readMatrix(in);
        int count = in.readInt();
        long random = in.readLong();
        int[] order = new int[length(in)];
        for (int i = 0; i < order.length; i++) order[i] = in.readInt();
        TrainerState.OptimizerState o = null;
        if (in.readBoolean()) {
            double[][] first = readMatrix(in);
            double[][] second = in.readBoolean() ? readMatrix(in) : null;
            o = new TrainerState.OptimizerState(first, second, in.readInt());
        }
        return new TrainerState(epoch, w, b, dead, gw, gb, count, random, order, o);
    }

    private static void writeHistory(DataOutputStream out, RunHistory.Record h) throws IOException {
        out.writeInt(h.firstEpoch());
        for (float[] a : new float[][] {h.lossTrain(), h.lossTest(), h.metricTrain(), h.metricTest()}) {
            out.writeInt(a.length);
            for (float f : a) out.writeFloat(f);
        }
    }

    private static RunHistory.Record readHistory(DataInputStream in) throws IOException {
        int first = in.readInt();
        float[][] a = new float[4][];
        for (int k = 0; k < 4; k++) {
            a[k] = new float[length(in)];
            for (int i = 0; i < a[k].length; i++) a[k][i] = in.readFloat();
        }
        return new RunHistory.Record(first, a[0], a[1], a[2], a[3]);
    }

    private static void writeMatrix(DataOutputStream out, double[][] m) throws IOException {
        out.writeInt(m.length);
        for (double[] row : m) writeDoubles(out, row);
    }

    private static double[][] readMatrix(DataInputStream in) throws IOException {
        double[][] m = new double[length(in)][];
        for (int i = 0; i < m.length; i++) m[i] = readDoubles(in);
        return m;
    }

    private static void writeDoubles(DataOutputStream out, double[] a) throws IOException {
        out.writeInt(a.length);
        for (double v : a) out.writeDouble(v);
    }

    private static double[] readDoubles(DataInputStream in) throws IOException {
        double[] a = new double[length(in)];
        for (int i = 0; i < a.length; i++) a[i] = in.readDouble();
        return a;
    }

    private static void writeStrings(DataOutputStream out, List<String> list) throws IOException {
        out.writeInt(list.size());
        for (String s : list) writeString(out, s);
    }

    private static List<String> readStrings(DataInputStream in) throws IOException {
        int n = length(in);
        List<String> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) list.add(readString(in));
        return List.copyOf(list);
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
        byte[] b = new byte[length(in)];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static int length(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_LENGTH) throw new IOException("bad length " + n);
        return n;
    }
}
