package org.nnplayground.playground.session;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
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
    private final ExecutorService pool;
    private final ScheduledExecutorService ticker;
    private final Set<Session> playing = ConcurrentHashMap.newKeySet();

    public SessionScheduler(int workers, int framesPerSecond) {
        this.workers = workers;
        this.frameIntervalNanos = 1_000_000_000L / framesPerSecond;
        this.pool = Executors.newFixedThreadPool(workers, daemon("trainer"));
        this.ticker = Executors.newSingleThreadScheduledExecutor(daemon("ticker"));
        ticker.scheduleAtFixedRate(this::tickPlaying, frameIntervalNanos, frameIntervalNanos, TimeUnit.NANOSECONDS);
    }

    /** Queues a turn for {@code s} unless one is already queued. */
    void wake(Session s) {
        if (!s.markQueued()) return;
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
        long now = System.nanoTime();
        for (Session s : playing) if (now >= s.notBefore()) wake(s);
    }

    private void runTick(Session s) {
        try {
            s.tick(slice(), frameIntervalNanos);
        } catch (Throwable t) {
            // one broken session must not take the pool down with it
            LOG.log(Level.WARNING, "session tick failed", t);
            s.close();
        }
    }

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
