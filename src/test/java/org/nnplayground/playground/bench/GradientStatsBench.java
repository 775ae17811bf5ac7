package org.nnplayground.playground.bench;

import java.security.SecureRandom;
import java.util.Locale;
import org.nnplayground.playground.link.PlaygroundLink;
import org.nnplayground.playground.session.TrainingRun;

/**
 * What the gradient chart costs (not a test): epochs per second of C1 and C2 with the per-layer
 * gradient statistics off (the default: one null check per update) and on, alternating 2 s runs.
 *
 * Usage: GradientStatsBench [SECONDS]
 */
public final class GradientStatsBench {
    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 2;
        for (String[] c : new String[][] {{"C1", LoadBench.C1}, {"C2", LoadBench.C2}}) {
            double[] off = new double[2], on = new double[2];
            for (int round = 0; round < 2; round++) {
                off[round] = epochsPerSecond(c[1], false, seconds);
                on[round] = epochsPerSecond(c[1], true, seconds);
            }
            System.out.printf(Locale.ROOT, "%s: off %.0f / %.0f epochs/s, on %.0f / %.0f epochs/s%n", c[0], off[0], off[1], on[0], on[1]);
        }
    }

    private static double epochsPerSecond(String link, boolean collect, double seconds) {
        TrainingRun run = TrainingRun.create(PlaygroundLink.parse(link, new SecureRandom()).settings(), null);
        run.trainer().collectGradients(collect);
        for (int i = 0; i < 50; i++) run.trainer().trainEpoch(); // warm-up
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        int epochs = 0;
        while (System.nanoTime() < end) {
            run.trainer().trainEpoch();
            epochs++;
        }
        return epochs / ((System.nanoTime() - start) / 1e9);
    }
}
