package org.nnplayground.playground.session;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs sessions on a bounded pool of trainer threads, never on socket threads. A ticker wakes
 * every playing session once per frame interval; a woken session is queued at most once, so the
 * queue is fair (FIFO) and bounded by the number of sessions. Each tick trains for a fair share
 * of the CPU: workers x frame interval / playing sessions, within [{@link #MIN_SLICE_NANOS},
 * {@link #MAX_SLICE_NANOS}].
 */
public final class SessionScheduler implements AutoCloseable {
    static final long MIN_SLICE_NANOS = 200_000;
    static final long MAX_SLICE_NANOS = 12_000_000;
    private static final Logger LOG = Logger.getLogger(SessionScheduler.class.getName());

    private final int workers;
    private final long frameIntervalNanos;
    private final ThreadPoolExecutor pool;
    /** Deficit round robin's quantum: the moving average of a turn's cost (ns). */
    private volatile double quantum;
    private final ScheduledExecutorService ticker;
    private final Set<Session> playing = ConcurrentHashMap.newKeySet();

    public SessionScheduler(int workers, int framesPerSecond) {
        this.workers = workers;
        this.frameIntervalNanos = 1_000_000_000L / framesPerSecond;
        this.pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), daemon("trainer"));
        this.ticker = Executors.newSingleThreadScheduledExecutor(daemon("ticker"));
        ticker.scheduleAtFixedRate(this::tickPlaying, frameIntervalNanos, frameIntervalNanos, TimeUnit.NANOSECONDS);
    }

    /**
     * Queues a turn for {@code s} unless one is queued or running: a session never runs on two
     * threads at once. Wake-ups that arrive during a turn earn one more turn, at the queue's tail.
     */
    void wake(Session s) {
        if (s.wakes.getAndIncrement() == 0) submit(s);
    }

    private void submit(Session s) {
        try {
            pool.execute(() -> runTick(s));
        } catch (java.util.concurrent.RejectedExecutionException stopped) {
            // shutting down: nothing more to run
        }
    }

    void playing(Session s, boolean on) {
        if (on) playing.add(s);
        else playing.remove(s);
    }

    void remove(Session s) { playing.remove(s); }

    /** Number of sessions currently playing. */
    public int playingCount() { return playing.size(); }

    private void tickPlaying() {
        for (Session s : playing) wake(s);
    }

    private void runTick(Session s) {
        int seen = s.wakes.get();
        try {
            if (mustWait(s)) {
                s.wakes.set(1);
                submit(s); // back to the end of the queue: its turn goes to the others
                return;
            }
            long took = s.tick(slice(), frameIntervalNanos);
            quantum = quantum == 0 ? took : 0.99 * quantum + 0.01 * took;
            if (contended()) s.spend(took, quantum);
        } catch (Throwable t) {
            // one broken session must not take the pool down with it
            LOG.log(Level.WARNING, "session tick failed", t);
            s.close();
        }
        if (!s.wakes.compareAndSet(seen, 0) || s.hasRequests()) {
            s.wakes.set(1);
            submit(s);
        }
    }

    /**
     * Deficit round robin, so a heavy network slows itself and not its neighbours: while others
     * wait in the queue, each turn of a playing session adds one quantum (a bit more than the
     * average turn's cost) to its budget and its real cost is taken off; a session in debt gives its turn away. A
     * network three times as costly as the average gets about a third of the turns. Without
     * contention nobody waits.
     */
    private boolean mustWait(Session s) {
        if (!contended() || !s.isBusy() || s.hasRequests()) return false;
        // a quarter above the average turn, so ordinary sessions never drift into debt
        return !s.earn(1.25 * quantum);
    }

    private boolean contended() { return !pool.getQueue().isEmpty(); }

    private long slice() {
        long share = workers * frameIntervalNanos / Math.max(1, playing.size());
        return Math.max(MIN_SLICE_NANOS, Math.min(MAX_SLICE_NANOS, share));
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
