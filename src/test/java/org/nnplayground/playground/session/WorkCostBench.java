package org.nnplayground.playground.session;

import org.nnplayground.playground.data.CsvImport;
import org.nnplayground.playground.data.CsvOptions;
import org.nnplayground.playground.data.DataSet;
import org.nnplayground.playground.link.PlaygroundLink;

import java.util.Locale;
import java.util.Random;

/**
 * Benchmark (not a test): what the indivisible pieces of a session's work cost on this machine,
 * the numbers behind the time slice (docs/architecture.md): one epoch and one frame of the biggest
 * allowed networks, building a run, and parsing the largest CSV. Run by scripts/hostile-bench.sh.
 */
public final class WorkCostBench {
    /** The heaviest link the issue found: 200x200 hidden (41k parameters) x 450 samples, batch 1 (18.5 M of the 20 M limit). */
    static final String HEAVY = "networkShape=200,200&batchSize=1&percTrainData=90&seed=0.1";
    /** Near the 100,000-parameter frame size: ten layers of 100 (91k parameters) on 100 samples. */
    static final String WIDE = "networkShape=100,100,100,100,100,100,100,100,100,100&batchSize=1&percTrainData=20&seed=0.1";

    private WorkCostBench() {}

    public static void main(String[] args) {
        for (String link : new String[] {HEAVY, WIDE}) {
            for (int round = 0; round < 3; round++) {
                long t0 = System.nanoTime();
                TrainingRun run = TrainingRun.create(PlaygroundLink.parse(link, new Random(1)).settings(), null);
                long t1 = System.nanoTime();
                run.trainer().trainEpoch();
                long t2 = System.nanoTime();
                FrameBuilder frames = new FrameBuilder(run, 50);
                LossHistory h = new LossHistory();
                h.add(run.trainer().lastStats());
                frames.build(run.network(), run.trainer().lastStats(), h, frames.nodeCount() - 1);
                long t3 = System.nanoTime();
                System.out.printf(Locale.ROOT, "%s: %d parameters x %d samples: build %.1f ms, epoch %.1f ms, frame %.1f ms%n",
                        link, run.spec().parameterCount(), run.split().train().size(), (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6);
            }
        }
        drawingBatches();
        String csv = biggestCsv();
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            DataSet data = CsvImport.read(csv, new CsvOptions(null, "big.csv"));
            long t1 = System.nanoTime();
            TrainingRun run = TrainingRun.create(PlaygroundLink.parse("networkShape=8&batchSize=10", new Random(1)).settings(), data);
            long t2 = System.nanoTime();
            run.trainer().trainEpoch();
            long t3 = System.nanoTime();
            System.out.printf(Locale.ROOT, "CSV %d bytes, %d rows: parse %.1f ms, build %.1f ms, epoch %.1f ms%n",
                    csv.length(), data.samples().size(), (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6);
        }
    }

    /**
     * A batch of drawn points on a C1 drawing of 500 points, in CPU time (a loaded host stretches
     * wall time): the first point's new run (what every batch cost before batches changed the run
     * in place), a later batch in place, and one epoch on the drawing for scale.
     */
    static void drawingBatches() {
        var cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        var settings = PlaygroundLink.parse("activation=tanh&batchSize=10&dataset=circle&learningRate=0.03&networkShape=4,2&seed=0.12345", new Random(1)).settings();
        DrawnData drawn = new DrawnData();
        Random r = new Random(3);
        for (int i = 0; i < DrawnData.MAX_POINTS; i++) drawn.add(r.nextDouble() * 12 - 6, r.nextDouble() * 12 - 6, r.nextBoolean() ? 1 : -1, settings.problem());
        DataSet drawing = drawn.dataSet();
        TrainingRun run = TrainingRun.create(settings, drawing);
        int n = 2000;
        for (int round = 0; round < 3; round++) {
            long t0 = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) {
                TrainingRun next = TrainingRun.create(run.settings(), drawing);
                next.network().copyFrom(run.network());
                next.trainer().refreshStats();
                SessionDescription.of(next, java.util.List.of());
            }
            long t1 = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) run = run.withDrawing(drawing);
            long t2 = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < n / 10; i++) run.trainer().trainEpoch();
            long t3 = cpu.getCurrentThreadCpuTime();
            System.out.printf(Locale.ROOT, "drawing of %d points (C1), CPU per batch: a new run %.0f µs, in place %.0f µs; an epoch %.0f µs%n",
                    drawing.samples().size(), (t1 - t0) / 1e3 / n, (t2 - t1) / 1e3 / n, (t3 - t2) / 1e3 / (n / 10));
        }
    }

    /** 10,000 rows of 32 features and a label: just under the 2 MiB limit. */
    static String biggestCsv() {
        StringBuilder b = new StringBuilder();
        for (int c = 0; c < 32; c++) b.append('f').append(c).append(',');
        b.append("label\n");
        Random r = new Random(7);
        for (int row = 0; row < 10_000; row++) {
            for (int c = 0; c < 32; c++) b.append(String.format(Locale.ROOT, "%.2f", r.nextDouble() * 9)).append(',');
            b.append(r.nextBoolean() ? "cat" : "dog").append('\n');
        }
        return b.length() < CsvImport.MAX_BYTES ? b.toString() : b.substring(0, b.lastIndexOf("\n", CsvImport.MAX_BYTES - 1) + 1);
    }
}
