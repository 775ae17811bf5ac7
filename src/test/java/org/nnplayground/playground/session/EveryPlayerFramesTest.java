package org.nnplayground.playground.session;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A class loaded and played at once: every session gets frames, also the one whose turn ran long
 * (cold code on its first settings change) while all the others kept the trainer threads busy.
 */
class EveryPlayerFramesTest {
    private static final String C1 = "activation=tanh&batchSize=10&dataset=circle&learningRate=0.03&networkShape=4,2&seed=0.12345&percTrainData=50";
    private static final int SESSIONS = 200;

    /** A page's flow control as web.Connection keeps it: at most 3 frames unacknowledged, acknowledged two at a time from another thread. */
    static class Page implements SessionListener {
        final AtomicInteger unacked = new AtomicInteger();
        final AtomicInteger frames = new AtomicInteger();
        final List<String> errors = new CopyOnWriteArrayList<>();
        final ExecutorService network;
        volatile Session session;
        private int received; // the page's own count, on the network thread

        Page(ExecutorService network) { this.network = network; }

        @Override public void description(SessionDescription d) {}
        @Override public void frame(ByteBuffer frame) {
            unacked.incrementAndGet();
            network.execute(() -> {
                frames.incrementAndGet();
                if (++received % 2 == 0) {
                    unacked.updateAndGet(n -> Math.max(0, n - 2));
                    session.frameSent();
                }
            });
        }
        @Override public void status(SessionState state, String message) {}
        @Override public void link(String hash) {}
        @Override public void error(String message, String request) { errors.add(request + ": " + message); }
        @Override public boolean canSendFrame() { return unacked.get() < 3; }
    }

    @Test
    void everySessionGetsFramesAlsoAfterATurnThatRanLong() throws Exception {
        ExecutorService network = Executors.newSingleThreadExecutor();
        ExecutorService sockets = Executors.newFixedThreadPool(4);
        try (SessionScheduler scheduler = new SessionScheduler(2, 60)) {
            List<Page> pages = new ArrayList<>();
            for (int i = 0; i < SESSIONS; i++) {
                Page p = new Page(network);
                p.session = new Session(p, scheduler, 32);
                pages.add(p);
            }
            for (Page p : pages) sockets.execute(() -> { p.session.load(C1); p.session.play(); });
            assertEquals(List.of(), starved(pages, new int[SESSIONS], 60), "sessions with fewer than 5 frames after all were played at once");

            // one session's turn costs a second of CPU (the cap on what a session may owe): owed in
            // full, it gave away thousands of turns, each pass through a queue of 200 players
            Page costly = pages.get(SESSIONS / 2);
            costly.session.snapshot(copy -> burnCpu(TurnAccount.MAX_DEBT_NANOS));
            int[] before = pages.stream().mapToInt(p -> p.frames.get()).toArray();
            assertEquals(List.of(), starved(pages, before, 30), "sessions with fewer than 5 more frames after one turn ran long");
            for (Page p : pages) assertEquals(List.of(), p.errors);
        } finally {
            sockets.shutdownNow();
            network.shutdownNow();
        }
    }

    @Test
    void sessionsWhoseSocketsFloodGetAFractionOfTheTurnsWhileOthersWait() throws Exception {
        ExecutorService network = Executors.newSingleThreadExecutor();
        ExecutorService sockets = Executors.newFixedThreadPool(4);
        ScheduledExecutorService floods = Executors.newSingleThreadScheduledExecutor();
        // one trainer thread for 300 players: turns are queued on any machine, so the charge decides who waits
        try (SessionScheduler scheduler = new SessionScheduler(1, 60)) {
            List<Page> pages = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                Page p = new Page(network);
                p.session = new Session(p, scheduler, 32);
                pages.add(p);
            }
            List<Page> flooders = pages.subList(0, 30);
            List<Page> others = pages.subList(30, pages.size());
            for (Page p : pages) sockets.execute(() -> { p.session.load(C1); p.session.play(); });
            assertEquals(List.of(), starved(pages, new int[pages.size()], 60), "sessions with fewer than 5 frames after all were played at once");
            // what the socket does on every message past the rate
            floods.scheduleAtFixedRate(() -> flooders.forEach(p -> p.session.flooding()), 0, 100, TimeUnit.MILLISECONDS);
            Thread.sleep(500);
            int[] before = pages.stream().mapToInt(p -> p.frames.get()).toArray();
            int[] gained = new int[pages.size()];
            do {
                Thread.sleep(100);
                for (int i = 0; i < gained.length; i++) gained[i] = pages.get(i).frames.get() - before[i];
            } while (median(gained, 30, pages.size()) < 40);
            double flooding = median(gained, 0, 30);
            double honest = median(gained, 30, pages.size());
            assertTrue(flooding < honest / 3, "flooding sessions got " + flooding + " frames (median), the others " + honest);
            assertTrue(others.stream().allMatch(p -> p.errors.isEmpty()));
        } finally {
            floods.shutdownNow();
            sockets.shutdownNow();
            network.shutdownNow();
        }
    }

    private static double median(int[] values, int from, int to) {
        int[] part = java.util.Arrays.copyOfRange(values, from, to);
        java.util.Arrays.sort(part);
        return part[part.length / 2];
    }

    /** Waits (at most {@code seconds}) until every page has 5 frames more than {@code before}; the ones that have not, described. */
    static List<String> starved(List<Page> pages, int[] before, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<String> starved = new ArrayList<>();
        do {
            starved.clear();
            for (int i = 0; i < pages.size(); i++) {
                Page p = pages.get(i);
                if (p.frames.get() < before[i] + 5) starved.add(i + ": " + (p.frames.get() - before[i]) + " frames, " + p.session.state());
            }
            if (!starved.isEmpty()) Thread.sleep(20);
        } while (!starved.isEmpty() && System.nanoTime() < deadline);
        return starved;
    }

    private static void burnCpu(long nanos) {
        var cpu = ManagementFactory.getThreadMXBean();
        long end = cpu.getCurrentThreadCpuTime() + nanos;
        double x = 0;
        while (cpu.getCurrentThreadCpuTime() < end) for (int i = 0; i < 10_000; i++) x += Math.sqrt(i + x);
        if (x == -1) throw new AssertionError(); // keeps the loop from being optimized away
    }
}
