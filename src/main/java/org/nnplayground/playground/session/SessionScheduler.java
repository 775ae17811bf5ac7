package org.nnplayground.playground.session;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs sessions on a bounded pool of trainer threads, never on socket threads. A ticker wakes
 * every playing session once per frame interval; a woken session is queued at most once, so the
 * queue is fair (FIFO) and bounded by the number of sessions. Each turn works for a fair share of
 * the CPU: workers x frame interval / playing sessions, within [{@link #MIN_SLICE_NANOS},
 * {@link #MAX_SLICE_NANOS}]; work left over (a step's epochs, a waiting build) gets another turn at the
 * queue's tail. Turns that may be longer than a slice (a build, an epoch of a big network)
 * go through a heavy lane that holds at most workers - 1 threads, so one thread always serves the rest.
 * A playing session sends at most one frame per tick; a turn without requests always trains a light
 * run's first epoch even when the owed frame spent the slice (on a loaded server the slice is as short
 * as one small frame, and students whose frame happened to spill into a second turn trained less).
 * A tick that finds a session waiting for its client's acknowledgements is not lost: the
 * acknowledgement wakes it ({@link #acknowledged}).
 */
public final class SessionScheduler implements AutoCloseable {
    static final long MIN_SLICE_NANOS = 200_000;
    static final long MAX_SLICE_NANOS = 12_000_000;
    /** A trainer thread in one turn for longer than this is stuck (/health says so). */
    public static final long STUCK_NANOS = 2_000_000_000L;
    private static final Logger LOG = LoggerFactory.getLogger(SessionScheduler.class);

    private final int workers;
    private final long frameIntervalNanos;
    private final ThreadPoolExecutor pool;
    /** Deficit round robin's quantum: the moving average of a working turn's CPU time (ns); a small guess to start. */
    private volatile double quantum = MIN_SLICE_NANOS;
    private final ScheduledExecutorService ticker;
    /** Every open session's books; a closed session's are dropped. */
    private final Map<Session, TurnAccount> accounts = new ConcurrentHashMap<>();
    /** The sessions the ticker wakes every frame (playing or working in the background). */
    private final Set<TurnAccount> playing = ConcurrentHashMap.newKeySet();
    private final HeavyLane heavyLane;
    /** When each trainer thread's current turn began (ns; 0 = idle), for /health. */
    private final AtomicLongArray turnStarted;
    private final ThreadLocal<Integer> workerIndex = new ThreadLocal<>();
    private final AtomicInteger workerCount = new AtomicInteger();
    private final TurnRecord worstTurns = new TurnRecord();
    /** Ticks of the ticker so far: a playing session sends at most one frame per tick. */
    private volatile long ticks;
    /** When the ticker last ticked: a ticker that stopped freezes every player. */
    private volatile long lastTickNanos = System.nanoTime();
    /** Why this scheduler cannot serve any more (a dead thread, memory exhausted); null while it can. */
    private volatile String failure;
    /** Tests only: an error the ticker's next tick throws. */
    private volatile Error nextTickFails;
    /** A ticker silent for this long has stopped (far beyond any GC pause on a loaded machine). */
    static final long TICKER_SILENT_NANOS = 30_000_000_000L;

    public SessionScheduler(int workers, int framesPerSecond) { this(workers, framesPerSecond, true); }

    /** {@code ticking} false: no tick comes but from {@link #tick()} (tests that count ticks). */
    SessionScheduler(int workers, int framesPerSecond, boolean ticking) {
        this.workers = workers;
        this.frameIntervalNanos = 1_000_000_000L / framesPerSecond;
        this.turnStarted = new AtomicLongArray(workers);
        this.pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), daemon("trainer"));
        this.ticker = Executors.newSingleThreadScheduledExecutor(daemon("ticker"));
        this.heavyLane = new HeavyLane(workers - 1, ticker, this::submit);
        if (ticking) ticker.scheduleAtFixedRate(this::tickPlaying, frameIntervalNanos, frameIntervalNanos, TimeUnit.NANOSECONDS);
    }

    /** Opens the books on a new session (it is not yet playing). */
    void admit(Session s) { accounts.put(s, new TurnAccount(s)); }

    /**
     * Queues a turn for {@code s} unless one is queued or running: a session never runs on two
     * threads at once. Wake-ups that arrive during a turn earn one more turn, at the queue's tail.
     * A closed session is never queued again.
     */
    void wake(Session s) {
        TurnAccount a = accounts.get(s);
        if (a != null && a.wake()) submit(a);
    }

    private void submit(TurnAccount a) {
        try {
            pool.execute(() -> runTurn(a));
        } catch (RejectedExecutionException stopped) {
            // shutting down: nothing more to run
        }
    }

    /**
     * Closes the books on {@code s} (its socket closed): it leaves the playing set and is never
     * woken again; a turn running now stops at its next piece and cannot put it back.
     */
    void remove(Session s) {
        TurnAccount a = accounts.remove(s);
        if (a != null) playing.remove(a);
    }

    /**
     * The client of playing session {@code s} acknowledged frames: if a tick passed it by while it
     * waited for them, its turn comes now rather than a tick later. The page acknowledges two frames
     * at a time and at most 3 may wait, so an acknowledgement that comes a moment after a tick
     * cost a whole frame interval (a fifth of the book network's ticks in the browser). It still gets
     * at most one frame per tick.
     */
    void acknowledged(Session s) {
        TurnAccount a = accounts.get(s);
        if (a != null && a.takeMissedTick() && a.wake()) submit(a);
    }

    /** Marks {@code s} as flooding its socket for {@link TurnAccount#FLOOD_NANOS} ({@link Session#flooding}). */
    void flooding(Session s) {
        TurnAccount a = accounts.get(s);
        if (a != null) a.flooding(System.nanoTime());
    }

    /** Sessions whose books are open (closed ones are removed at once). */
    public int sessionCount() { return accounts.size(); }

    /** Number of sessions the ticker wakes (playing or working in the background). */
    public int playingCount() { return playing.size(); }

    /** Sessions waiting for a trainer thread (their turns queued). */
    public int queuedTurns() { return pool.getQueue().size() + heavyLane.waiting(); }

    /** The longest turn of the last minute (ns). */
    public long worstTurnLastMinute() { return worstTurns.worstOfLastMinute(); }

    /** True if every trainer thread has been in one turn for more than {@link #STUCK_NANOS}. */
    public boolean allWorkersStuck() {
        long now = System.nanoTime();
        for (int i = 0; i < workers; i++) {
            long started = turnStarted.get(i);
            if (started == 0 || now - started < STUCK_NANOS) return false;
        }
        return true;
    }

    /** The time slice a turn works for now (ns). */
    public long slice() {
        long share = workers * frameIntervalNanos / Math.max(1, playing.size());
        return Math.max(MIN_SLICE_NANOS, Math.min(MAX_SLICE_NANOS, share));
    }

    private void tickPlaying() {
        try {
            Error injected = nextTickFails;
            if (injected != null) throw injected;
            ticks++; // only the ticker thread writes it
            lastTickNanos = System.nanoTime();
            // a client that owes its acknowledgements is not woken: it costs nothing until it catches
            // up, and its acknowledgement wakes it (acknowledged); the second look closes the race
            // with an acknowledgement that came between the two
            for (TurnAccount a : playing) {
                if (a.session.canProgress()) {
                    if (a.wake()) submit(a);
                    continue;
                }
                a.missedTick();
                if (a.session.canProgress() && a.takeMissedTick() && a.wake()) submit(a);
            }
        } catch (Throwable t) {
            failed("the ticker", t);
            throw t; // a periodic task that throws runs no more: the ticker is dead, and /health says so
        }
    }

    /**
     * Why this scheduler cannot serve any more, or null: its ticker died or went silent, or a turn
     * ran out of memory. The process should then be restarted (/health fails).
     */
    public String failure() {
        String f = failure;
        if (f != null) return f;
        if (!ticker.isShutdown() && System.nanoTime() - lastTickNanos > TICKER_SILENT_NANOS) return "the ticker has not ticked for 30 s";
        return null;
    }

    private void failed(String what, Throwable t) {
        if (failure == null) failure = what + " failed: " + t;
        LOG.error(what + " failed; the server must be restarted", t);
    }

    /** Tests only (a scheduler made without ticking): one tick now, on the calling thread. */
    void tick() { tickPlaying(); }

    /** Tests only: the wake-ups held by {@code s}'s queued or running turn (0: idle). */
    int turnsRunningOrQueued(Session s) {
        TurnAccount a = accounts.get(s);
        return a == null ? 0 : a.wakesSeen();
    }

    /** Tests only: the ticker's next tick throws {@code error} (and so the ticker dies). */
    public void failNextTick(Error error) { nextTickFails = error; }


    private void runTurn(TurnAccount a) {
        Session s = a.session;
        if (s.isClosed()) {
            playing.remove(a);
            a.idle();
            return;
        }
        int seen = a.wakesSeen();
        a.takeMissedTick(); // this turn serves it
        long slice = slice();
        boolean heavy = workers > 1 && (s.nextRequestIsHeavy() || a.heavy(s.builds()));
        if (mustWait(a)) {
            a.requeued();
            submit(a); // back to the end of the queue: its turn goes to the others
            return;
        }
        if (heavy && !heavyLane.enter(a)) return; // queued for the lane; it resubmits
        int me = worker();
        long took = 0;
        long start = System.nanoTime();
        turnStarted.set(me, start);
        try {
            long cpuStart = TurnAccount.threadCpuNanos();
            boolean worked = s.turn(a, slice, ticks);
            a.turnDone(worked, TurnAccount.threadCpuNanos() - cpuStart);
            took = System.nanoTime() - start;
            // turns that only looked (nothing to do yet) would drag the average turn, and so every
            // session's quantum, towards zero
            if (worked) {
                // charged by CPU time: a turn stretched by other processes or a GC pause costs
                // the session nothing extra (wall time did, and put innocent sessions deep in debt)
                quantum = 0.99 * quantum + 0.01 * a.cpuNanos();
                a.spend(a.charge(System.nanoTime()), quantum);
            }
            worstTurns.record(took);
        } catch (Throwable t) {
            // one broken session must not take the pool down with it; memory exhausted (or another
            // error of the JVM) may have broken anything, so the server asks to be restarted
            if (t instanceof VirtualMachineError) failed("a trainer thread", t);
            else LOG.warn("session tick failed", t);
            s.close();
        } finally {
            turnStarted.set(me, 0);
            followTicks(a);
            if (heavy) heavyLane.leaveAfterRest(restTurns(a), took);
        }
        if (a.endTurn(seen, s.wantsTurn() || behind(a))) submit(a);
    }

    /**
     * After each turn (where every change of state happens), the session joins or leaves the
     * playing set. A close racing with this turn cannot leave it there: close marks the session
     * closed before it removes it, and this adds before it looks at the mark.
     */
    private void followTicks(TurnAccount a) {
        if (!a.session.wantsTicks()) {
            playing.remove(a);
            return;
        }
        playing.add(a);
        if (a.session.isClosed() || !accounts.containsKey(a.session)) playing.remove(a);
    }

    /**
     * Deficit round robin, so a heavy network or a flood of builds slows itself and not its neighbours:
     * each turn adds one quantum (a bit more than the average turn's cost) to the session's budget
     * and its real cost, whatever the work, is taken off. While others wait in the queue, a session
     * in debt gives its turn away. A session three times as costly as the average gets about a
     * third of the turns. Without contention nobody waits.
     */
    private boolean mustWait(TurnAccount a) {
        // a quarter above the average turn, so ordinary sessions never drift into debt
        boolean inCredit = a.earn(1.25 * quantum);
        return contended() && !inCredit;
    }


    /**
     * True if a playing session should queue again at once instead of waiting for the next tick:
     * turns are waiting (the server is behind the frame rate) and this turn worked. Then every
     * player goes round in one queue (equal turns, so equal frame rates); waiting for a tick put
     * the players that happened to be served early in a tick a tick behind the others (min 14.7
     * against median 18.5 frames/s at 200 students). Frames stay paced: at most one per tick.
     */
    private boolean behind(TurnAccount a) {
        Session s = a.session;
        return contended() && !s.isClosed() && s.state() == SessionState.PLAYING && a.worked() && s.canProgress();
    }

    private boolean contended() { return !pool.getQueue().isEmpty(); }

    /** How long the heavy lane rests after {@code a}'s heavy turn, in turns of its length ({@link HeavyLane#restTurns}). */
    private double restTurns(TurnAccount a) {
        int all = 0;
        int heavies = 0;
        for (TurnAccount p : playing) {
            all++;
            if (p.seemsHeavy()) heavies++;
        }
        int others = all - (playing.contains(a) ? 1 : 0);
        return HeavyLane.restTurns(all, others, Math.max(heavies, heavyLane.waiting() + 1), workers, contended());
    }

    private int worker() {
        Integer i = workerIndex.get();
        if (i == null) {
            i = workerCount.getAndIncrement() % workers;
            workerIndex.set(i);
        }
        return i;
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        pool.shutdown();
        try {
            if (!pool.awaitTermination(2, TimeUnit.SECONDS)) pool.shutdownNow();
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
