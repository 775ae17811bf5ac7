package org.nnplayground.playground.session;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The scheduler's books on one session's turns: whether a turn is queued (its wake count), its
 * fair-share budget, whether its run's epochs are heavy, what its last turn cost, and the tick of
 * its last paced frame. The scheduler makes one per session and keeps it; the session only sees it
 * during its own turn, to report epochs and frames.
 */
final class TurnAccount {
    /** Most CPU time a session may owe the others (ns): a JVM pause cannot lock a session out for long. */
    static final long MAX_DEBT_NANOS = 1_000_000_000L;
    /** Most turns' worth of debt a session may owe (its usual turns, see {@link #spend}). */
    static final int DEBT_TURNS = 4;
    /** How long a session stays marked as flooding after its socket last went past the message rate (ns). */
    static final long FLOOD_NANOS = 10_000_000_000L;
    /** How many times its CPU time a flooding session's turn is charged: about a tenth of a fair share while others wait. */
    static final int FLOOD_CHARGE = 10;
    /** Weight of the newest turn in the moving average of a session's turns. */
    static final double USUAL_WEIGHT = 0.25;
    /** An epoch that used more CPU than this is heavy (two of the longest slices). */
    static final long HEAVY_EPOCH_NANOS = 2 * SessionScheduler.MAX_SLICE_NANOS;

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    final Session session;
    /** Wake-ups since the running or queued turn began; 0 = idle. */
    private final AtomicInteger wakes = new AtomicInteger();
    /** Deficit round robin budget (ns), touched only by the thread running this session's turn. */
    private double budget;
    /** What this session's charged turns usually cost (ns): a moving average. */
    private double usualNanos;
    /** The run (its build number) whose heavy epochs are counted: a new run starts light. */
    private long run = -1;
    private volatile int heavyEpochs;
    private long lastFrameTick = -1;
    /** A tick found the session waiting for its client's acknowledgements (set by the ticker, taken by the ack or a turn). */
    private final AtomicBoolean tickMissed = new AtomicBoolean();
    private boolean worked;
    private long cpuNanos;
    /** Until when (System.nanoTime) this session counts as flooding; written by socket threads. */
    private volatile long floodingUntil;
    /** Whether it has ever flooded (floodingUntil means nothing before). */
    private volatile boolean flooded;

    TurnAccount(Session session) { this.session = session; }

    /** Counts a wake-up; true if it is the first since the session was idle, so a turn must be queued. */
    boolean wake() { return wakes.getAndIncrement() == 0; }

    /** Wake-ups counted so far (read when a turn starts). */
    int wakesSeen() { return wakes.get(); }

    /**
     * Ends a turn; true if the caller must queue the session again: when it wants another turn
     * ({@code again}) or a wake-up came in since {@code seen}. The count never drops to 0 on the way
     * to queuing again: a wake-up in between would see an idle session and queue a second turn,
     * and two trainer threads would then run one session's network at once.
     */
    boolean endTurn(int seen, boolean again) {
        if (!again && wakes.compareAndSet(seen, 0)) return false;
        wakes.set(1);
        return true;
    }

    /** The session is queued again (by the scheduler, not by a wake-up). */
    void requeued() { wakes.set(1); }

    /** Nothing is queued or running for the session any more. */
    void idle() { wakes.set(0); }

    /** Adds a quantum to the budget (at most one banked); true if the session may run now. */
    boolean earn(double quantum) {
        budget = Math.min(quantum, budget + quantum);
        return budget >= 0; // only debt waits: before any turn has a cost, everyone may run
    }

    /**
     * Takes a turn's cost off the budget, whatever the work. The debt is capped at
     * {@link #DEBT_TURNS} of the session's usual turns (or of {@code quantum}, the average turn,
     * if its own are cheaper) and at {@link #MAX_DEBT_NANOS}: a session pays its way back one
     * quantum per pass through the queue, and a pass takes as long as every other player's turn, so
     * a light session whose one turn ran cold code (its first load or settings change: tens of ms)
     * would otherwise give away every turn for seconds, a class's worth of passes per turn owed. A
     * session whose turns are all costly still owes each one in full and gets its share of turns.
     */
    void spend(long nanos, double quantum) {
        double cap = Math.min(MAX_DEBT_NANOS, DEBT_TURNS * Math.max(usualNanos, quantum));
        budget = Math.max(-cap, budget - nanos);
        usualNanos += USUAL_WEIGHT * (nanos - usualNanos);
    }

    double budget() { return budget; }

    /** True if heavy epochs are still being counted for run {@code build} (two are enough to know). */
    boolean measuresEpochs(long build) { return heavyEpochsOf(build) < 2; }

    /** One epoch of run {@code build} used {@code cpuNanos} of CPU time. */
    void epochTook(long build, long cpuNanos) {
        heavyEpochsOf(build);
        if (cpuNanos > HEAVY_EPOCH_NANOS) heavyEpochs++;
    }

    /** True if run {@code build} has had no heavy epoch (its first epoch runs even when the frame spent the slice). */
    boolean light(long build) { return heavyEpochsOf(build) == 0; }

    /** True from the second heavy epoch of run {@code build} on (the first may be a cold JIT): its turns take the heavy lane. */
    boolean heavy(long build) { return heavyEpochsOf(build) >= 2; }

    /** {@link #heavy} as another thread sees it (an estimate: it never resets the count, which only the session's turn does). */
    boolean seemsHeavy() { return heavyEpochs >= 2 && run == session.builds(); }

    private int heavyEpochsOf(long build) {
        if (build != run) {
            run = build;
            heavyEpochs = 0;
        }
        return heavyEpochs;
    }

    /** True if a paced frame may go out on scheduler tick {@code tick}: one a tick. */
    boolean frameDue(long tick) { return tick > lastFrameTick; }

    void frameSent(long tick) { lastFrameTick = tick; }

    /** A tick passed while the client owed acknowledgements: the acknowledgement that frees it wakes it. */
    void missedTick() { tickMissed.set(true); }

    /** True (once) if a tick passed it by since its last turn because its client owed acknowledgements. */
    boolean takeMissedTick() { return tickMissed.getAndSet(false); }

    /** Records what the turn did and its CPU time (what the round robin charges). */
    void turnDone(boolean worked, long cpuNanos) {
        this.worked = worked;
        this.cpuNanos = cpuNanos;
    }

    /** True if the last turn did any work (a request, an epoch, a frame, background work), not just looked. */
    boolean worked() { return worked; }

    long cpuNanos() { return cpuNanos; }

    /** Its socket went past the message rate at {@code now}. */
    void flooding(long now) {
        floodingUntil = now + FLOOD_NANOS;
        flooded = true;
    }

    /** What the last turn is charged at {@code now}: its CPU time, {@link #FLOOD_CHARGE} times over while flooding. */
    long charge(long now) {
        boolean floods = flooded && now - floodingUntil < 0;
        return floods ? FLOOD_CHARGE * cpuNanos : cpuNanos;
    }

    /** CPU time of the calling thread (ns): turns are charged by it, since wall time would also charge other processes and GC pauses. */
    static long threadCpuNanos() { return CPU.getCurrentThreadCpuTime(); }
}
