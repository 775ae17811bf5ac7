package org.nnplayground.playground.web;

import org.nnplayground.playground.room.Secrets;
import org.nnplayground.playground.session.CheckpointSchedule;
import org.nnplayground.playground.session.Checkpoints;
import org.nnplayground.playground.session.Session;
import org.nnplayground.playground.session.SessionRegistry;
import org.nnplayground.playground.store.JdbcCheckpoints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Live runs that outlive their server, so a rolling restart or a dead replica costs a page only a
 * moment: every session checkpoints itself (see
 * {@link CheckpointSchedule}); a playground page gets a resume token ({@code resumeToken}) and,
 * after its socket dropped, any replica sharing the database resumes its run from the newest
 * checkpoint ({@code resume} -> {@code resumed}); a server stopping for a rolling restart
 * checkpoints every session and writes them out before it closes the sockets ({@link #drain}).
 */
final class Failover implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Failover.class);
    private static final int MAX_TOKEN_CHARS = 100;

    private final JdbcCheckpoints store;
    private final Duration every;
    private final SecureRandom random = new SecureRandom();
    /** Resumes read the database here, never on a socket thread. */
    private final ThreadPoolExecutor io = new ThreadPoolExecutor(1, 2, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(500), r -> {
        Thread t = new Thread(r, "resume");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean draining;

    Failover(JdbcCheckpoints store, Duration every) {
        this.store = store;
        this.every = every;
    }

    boolean draining() { return draining; }

    /** From now on /health answers "draining" and new sockets are refused (the first step of {@link #drain}). */
    void startDraining() { draining = true; }

    /**
     * Makes {@code session} checkpoint itself under {@code key} from now on: the one call a class
     * room needs for a student's session ({@code student:<id>}).
     */
    void track(Session session, String key) {
        session.checkpointTo(new CheckpointSchedule(store, key, every));
    }

    /** The checkpoint store (a room loads a student's run from it: {@code student:<id>}). */
    Checkpoints store() { return store; }

    /** A new /ws socket: its session checkpoints under a fresh token's hash, which the page is given. */
    void opened(Connection c) {
        String token = newToken();
        track(c.session(), Checkpoints.pageKey(Secrets.hash(token)));
        c.send(new ServerMessage.ResumeToken(token));
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * A page's {@code resume}: its run from the newest checkpoint under the token, if any (paused
     * at that epoch, its chart with it), else "none" and the page loads its link as on a first visit.
     * The resumed run goes on under a fresh token, which the page is given: a token is taken over
     * once, so a duplicated tab (which resumes with its original's token) gets a run of its own, and
     * its closing deletes its own checkpoint, never the one its original may still come back for.
     */
    void resume(Connection c, String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_CHARS) {
            c.send(new ServerMessage.Error("resume needs the 'token' this server gave the page", "resume"));
            return;
        }
        String key = Checkpoints.pageKey(Secrets.hash(token));
        try {
            io.execute(() -> {
                Optional<Checkpoints.Checkpoint> found;
                try {
                    found = store.load(key);
                } catch (RuntimeException e) {
                    LOG.warn("resume: " + e.getMessage());
                    found = Optional.empty();
                }
                Session s = c.session();
                if (found.isEmpty() || s == null) {
                    c.send(ServerMessage.Resumed.none());
                    return;
                }
                Checkpoints.Checkpoint cp = found.get();
                String fresh = newToken();
                CheckpointSchedule schedule = s.checkpointSchedule();
                if (schedule != null) schedule.key(Checkpoints.pageKey(Secrets.hash(fresh)));
                s.restore(cp.snapshot());
                c.send(new ServerMessage.Resumed(cp.snapshot().epoch(), cp.lostSeconds(every), cp.ageSeconds(), "checkpoint"));
                c.send(new ServerMessage.ResumeToken(fresh));
            });
        } catch (RejectedExecutionException busy) {
            c.send(ServerMessage.Resumed.none());
        }
    }

    /**
     * A socket ended: a page that closed itself (1000, 1001: the tab closed or reloaded) will not
     * come back for its run, so its checkpoint goes; a lost connection keeps it for the page's return.
     */
    void closed(Session session, int status) {
        CheckpointSchedule schedule = session == null ? null : session.checkpointSchedule();
        if (schedule == null || draining || (status != 1000 && status != 1001)) return;
        store.deleteIfSavedBy(schedule.key(), schedule.lastSavedMillis());
    }

    /**
     * The rolling restart's part: every session (solo and room) checkpoints on its next turn
     * and stops training there, then everything is written; at most {@code limit} in all. Returns
     * the sessions checkpointed.
     */
    int drain(SessionRegistry registry, Duration limit) {
        startDraining();
        long deadline = System.nanoTime() + limit.toNanos();
        List<Session> sessions = registry.sessions().stream().filter(s -> s.checkpointSchedule() != null).toList();
        CountDownLatch done = new CountDownLatch(sessions.size());
        for (Session s : sessions) {
            // stop on the same turn: epochs after the checkpoint would be lost on the next server
            if (!s.checkpointNow(() -> { s.close(); done.countDown(); })) done.countDown();
        }
        try {
            if (!done.await(Math.max(0, (deadline - System.nanoTime()) / 2), TimeUnit.NANOSECONDS)) {
                LOG.warn("drain: " + done.getCount() + " of " + sessions.size() + " sessions did not checkpoint in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        store.flush(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        return (int) (sessions.size() - done.getCount());
    }

    @Override
    public void close() {
        io.shutdownNow();
    }
}
