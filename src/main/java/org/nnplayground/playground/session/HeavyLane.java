package org.nnplayground.playground.session;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The scheduler's lane for turns that may outlast a slice (a build, an epoch of a big network): at
 * most {@code places} of them run at once (workers - 1, so one thread always serves the rest);
 * the others wait here in order and are queued again when a place frees.
 */
final class HeavyLane {
    private final int places;
    private final ScheduledExecutorService timer;
    private final Consumer<TurnAccount> resubmit;
    private int running;
    private final Queue<TurnAccount> waiting = new ArrayDeque<>();

    HeavyLane(int places, ScheduledExecutorService timer, Consumer<TurnAccount> resubmit) {
        this.places = places;
        this.timer = timer;
        this.resubmit = resubmit;
    }

    /** Takes a place for {@code a}'s turn; false if the lane is full (then it waits here). */
    synchronized boolean enter(TurnAccount a) {
        if (running < places) {
            running++;
            return true;
        }
        waiting.add(a);
        return false;
    }

    /**
     * A heavy turn of {@code took} ns is followed by a rest of {@code restTurns} times as long before
     * the lane takes the next one (the scheduler decides: none alone, at least one while others play),
     * so that heavy work leaves the rest of its thread to the players and to what else runs beside
     * them (uploads being parsed, sockets opening and closing).
     */
    void leaveAfterRest(double restTurns, long took) {
        long rest = (long) (restTurns * took);
        if (rest <= 0) {
            leave();
            return;
        }
        try {
            timer.schedule(this::leave, rest, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopped) {
            leave(); // shutting down
        }
    }

    /**
     * The rest after a heavy turn, in turns of its length. Alone ({@code others} 0): none. While
     * others play: at least one, so heavy work gets at most half of the lane's thread. While turns
     * are queued ({@code contended}), enough that the {@code sharing} sessions with heavy work among
     * {@code playing} get about their share of the {@code workers} threads together: a duty of
     * sharing x workers / playing of the lane's thread. 5 students training the digits network beside
     * 100 others took half a thread, 4 times their share, with a rest of one turn.
     */
    static double restTurns(int playing, int others, int sharing, int workers, boolean contended) {
        if (others <= 0) return 0;
        if (!contended) return 1;
        return Math.max(1, (double) playing / ((double) Math.max(1, sharing) * workers) - 1);
    }

    /** Frees a place and lets every waiter try again (those that still find it full queue up again). */
    private void leave() {
        List<TurnAccount> next;
        synchronized (this) {
            running--;
            next = new ArrayList<>(waiting);
            waiting.clear();
        }
        for (TurnAccount a : next) resubmit.accept(a); // their wake counts are still held: no one else queues them
    }

    synchronized int waiting() { return waiting.size(); }
}
