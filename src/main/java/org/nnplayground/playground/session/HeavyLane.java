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
     * While others play, a heavy turn is followed by a rest as long as itself before the lane takes
     * the next one: heavy work gets at most half of its thread, and the other half goes to what
     * else runs beside the players (uploads being parsed, sockets opening and closing), which would
     * otherwise squeeze the players onto what is left of one core. Alone, heavy work runs flat out.
     */
    void leaveAfterRest(boolean othersPlay, long took) {
        if (!othersPlay || took <= 0) {
            leave();
            return;
        }
        try {
            timer.schedule(this::leave, took, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopped) {
            leave(); // shutting down
        }
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
