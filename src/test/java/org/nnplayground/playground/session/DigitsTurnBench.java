package org.nnplayground.playground.session;

import org.nnplayground.playground.link.PlaygroundLink;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Locale;

/**
 * Benchmark (not a test): the thread CPU time of every turn of the book's digits network from its
 * load to its first frame, the turns run one after another on this thread with a given slice, and
 * beside it what the build cost when its epoch-0 figures were measured in the build's turn.
 * Args: slices in ms (default 12 0.33: one session alone, and 100 playing on 2 threads), rounds (default 5).
 */
public final class DigitsTurnBench {
    static final String BOOK = "dataset=mnist&networkShape=128,64&activation=relu&dropout=0.2&optimizer=adam"
            + "&batchSize=10&learningRate=0.001&seed=0.25";

    private DigitsTurnBench() {}

    public static void main(String[] args) {
        int rounds = 5;
        double[] slicesMs = {12, 0.33};
        if (args.length > 0) {
            rounds = Integer.parseInt(args[args.length - 1]);
            slicesMs = new double[args.length - 1];
            for (int i = 0; i < slicesMs.length; i++) slicesMs[i] = Double.parseDouble(args[i]);
        }
        for (int round = 0; round < rounds; round++) {
            long cpu = TurnAccount.threadCpuNanos();
            TrainingRun run = TrainingRun.create(PlaygroundLink.parse(BOOK, new SecureRandom()).settings(), null);
            long built = TurnAccount.threadCpuNanos();
            run.trainer().lastStats();
            long measured = TurnAccount.threadCpuNanos();
            System.out.printf(Locale.ROOT, "[digits-turns] round %d  one-turn build as before: create %.1f ms + epoch-0 figures %.1f ms CPU%n",
                    round, (built - cpu) / 1e6, (measured - built) / 1e6);
            for (double ms : slicesMs) turns(round, (long) (ms * 1e6));
        }
    }

    private static void turns(int round, long slice) {
        int[] frames = {0};
        SessionListener page = new SessionListener() {
            @Override public void description(SessionDescription d) {}
            @Override public void frame(ByteBuffer frame) { frames[0]++; }
            @Override public void status(SessionState state, String message) {}
            @Override public void link(String hash) {}
            @Override public void error(String message, String request) { System.out.println("error: " + request + ": " + message); }
            @Override public boolean canSendFrame() { return true; }
        };
        SessionScheduler stopped = new SessionScheduler(1, 60);
        stopped.close();
        Session session = new Session(page, stopped, 32);
        TurnAccount account = new TurnAccount(session);
        session.load(BOOK);
        long cpu = TurnAccount.threadCpuNanos();
        session.turn(account, slice, 0);
        long buildTurn = TurnAccount.threadCpuNanos() - cpu;
        long worst = 0;
        long total = buildTurn;
        int turns = 0;
        while (frames[0] == 0 && turns < 100_000) {
            long c = TurnAccount.threadCpuNanos();
            session.turn(account, slice, ++turns);
            long took = TurnAccount.threadCpuNanos() - c;
            worst = Math.max(worst, took);
            total += took;
        }
        session.close();
        System.out.printf(Locale.ROOT, "[digits-turns] round %d  slice %.2f ms: build turn %.1f ms CPU, then %d turns to the first frame, "
                        + "the longest %.1f ms CPU, %.1f ms CPU in all%n",
                round, slice / 1e6, buildTurn / 1e6, turns, worst / 1e6, total / 1e6);
    }
}
