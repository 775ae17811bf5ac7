package org.nnplayground.playground.store;

import org.nnplayground.playground.nn.TrainerState;
import org.nnplayground.playground.session.Checkpoints;
import org.nnplayground.playground.session.RunSnapshot;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checkpoints in the server's database (table {@code checkpoints}, migration V3), written by one
 * thread of its own so that neither a trainer nor a socket thread ever waits for the database or
 * spends time encoding: {@link #save} only files the snapshot (already a copy) under its key.
 * <p>
 * Coalesced and bounded: at most one unwritten snapshot per key (a newer save replaces it, so a
 * slow database costs fewer writes, never more memory), at most {@code maxPending} keys and
 * {@link #MAX_PENDING_BYTES} of copies waiting; a save beyond either is dropped (logged) and the
 * session's next one tries again. So the memory held is at most one run copy per live session,
 * and 256 MiB in all (the largest Adam network's copy is about 4 MB). A database that is down loses the
 * checkpoints of that moment (logged at most every 30 s); the class goes on and writes again
 * once the database answers. Checkpoints not saved for {@link #KEEP} are swept hourly.
 */
public final class JdbcCheckpoints implements Checkpoints, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcCheckpoints.class);
    /** A checkpoint not saved for this long belongs to a run nobody came back to. */
    public static final Duration KEEP = Duration.ofDays(1);
    /** Longest {@link #flush()} waits (the server is stopping; a load balancer waits longer). */
    public static final Duration FLUSH_LIMIT = Duration.ofSeconds(10);
    private static final long SWEEP_EVERY_MS = Duration.ofHours(1).toMillis();
    private static final long LOG_EVERY_MS = 30_000;
    /** Most memory the unwritten copies may hold (estimated: their arrays). */
    public static final long MAX_PENDING_BYTES = 256L << 20;

    /** A save (snapshot, when it was captured) or a delete (snapshot null: of a checkpoint saved up to savedMillis) waiting for the writer. */
    record Op(RunSnapshot snapshot, long savedMillis, boolean settled) {
        Op(RunSnapshot snapshot, long savedMillis) { this(snapshot, savedMillis, false); }
    }

    private final Database database;
    private final CheckpointTable table;
    private final int maxPending;
    private final long maxPendingBytes;
    /** Estimated bytes of the waiting copies; guarded by {@link #lock}. */
    private long pendingBytes;
    private final Object lock = new Object();
    /** Waiting operations in arrival order of their key; guarded by {@link #lock}. */
    private final LinkedHashMap<String, Op> pending = new LinkedHashMap<>();
    /** The key the writer is writing now (null when idle); guarded by {@link #lock}. */
    private String writingKey;
    private Op writingOp;
    private boolean closed;
    private final Thread writer;
    private long written;
    private long dropped;
    private long failed;
    private long lastLogMillis;
    private long lastSweepMillis = System.currentTimeMillis();

    /** Checkpoints in {@code database} (opened on the first write), at most {@code maxPending} keys waiting. */
    public JdbcCheckpoints(Database database, int maxPending) {
        this(database, maxPending, MAX_PENDING_BYTES, true);
    }

    /** Tests start the writer later to see saves coalesce, and bound the bytes lower. */
    JdbcCheckpoints(Database database, int maxPending, long maxPendingBytes, boolean start) {
        this.database = database;
        this.table = new CheckpointTable(database);
        this.maxPending = maxPending;
        this.maxPendingBytes = maxPendingBytes;
        this.writer = new Thread(this::writeLoop, "checkpoint-writer");
        writer.setDaemon(true);
        if (start) writer.start();
    }

    void start() { writer.start(); }

    /** False once the writer thread has died (nothing would be written any more). */
    public boolean writerAlive() { return writer.isAlive() || writer.getState() == Thread.State.NEW; }

    @Override
    public void save(String key, RunSnapshot snapshot, boolean settled) {
        enqueue(key, new Op(snapshot, System.currentTimeMillis(), settled));
    }

    @Override
    public void delete(String key) { enqueue(key, new Op(null, Long.MAX_VALUE)); }

    /**
     * Deletes the checkpoint under {@code key} only if it was saved at or before {@code savedMillis}:
     * a page that left deletes its own, never a newer one that another session (the same page
     * resumed elsewhere while its old socket was still timing out) saved since.
     */
    public void deleteIfSavedBy(String key, long savedMillis) { enqueue(key, new Op(null, savedMillis)); }

    private void enqueue(String key, Op op) {
        synchronized (lock) {
            if (closed) return;
            Op waiting = pending.get(key);
            if (op.snapshot() == null && waiting != null && waiting.snapshot() != null && waiting.savedMillis() > op.savedMillis()) return;
            long more = bytes(op) - (waiting == null ? 0 : bytes(waiting));
            if ((waiting == null && pending.size() >= maxPending) || (more > 0 && pendingBytes + more > maxPendingBytes)) {
                dropped++;
                logRarely("checkpoints: " + pending.size() + " (" + (pendingBytes >> 20) + " MiB) waiting for the database, dropping new ones (" + dropped + " so far)");
                return;
            }
            pending.put(key, op);
            pendingBytes += more;
            lock.notifyAll();
        }
    }

    /** Writes everything waiting, for at most {@link #FLUSH_LIMIT}. */
    @Override
    public void flush() { flush(FLUSH_LIMIT); }

    /** Waits until everything saved so far is written (or failed), at most {@code limit}; true if it all went. */
    public boolean flush(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        synchronized (lock) {
            while (!pending.isEmpty() || writingKey != null) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !writer.isAlive()) {
                    LOG.warn("checkpoints: " + (pending.size() + (writingKey != null ? 1 : 0)) + " not written within " + limit.toSeconds() + " s");
                    return false;
                }
                try {
                    lock.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    @Override
    public Optional<Checkpoint> load(String key) {
        synchronized (lock) {
            // newer than the database: a save this replica has not written yet
            Op op = pending.containsKey(key) ? pending.get(key) : key.equals(writingKey) ? writingOp : null;
            if (op != null) return op.snapshot() == null ? Optional.empty() : Optional.of(new Checkpoint(op.snapshot(), op.savedMillis(), op.settled()));
        }
        return table.load(key);
    }

    /**
     * The memory a waiting copy holds: its arrays (weights, biases, gradients, optimizer moments,
     * the sample order, the chart). An uploaded data set is shared with the live run, not counted.
     */
    static long bytes(Op op) {
        RunSnapshot s = op.snapshot();
        if (s == null) return 0;
        TrainerState t = s.trainer();
        long doubles = count(t.weights()) + count(t.biases()) + count(t.gradWeights()) + count(t.gradBiases());
        if (t.optimizer() != null) doubles += count(t.optimizer().first()) + (t.optimizer().second() == null ? 0 : count(t.optimizer().second()));
        return 8 * doubles + 4L * t.order().length + 16L * s.history().size() + 256;
    }

    private static long count(double[][] m) {
        long n = 0;
        for (double[] row : m) n += row.length;
        return n;
    }

    /** Estimated bytes of the copies waiting for the writer. */
    public long pendingBytes() {
        synchronized (lock) {
            return pendingBytes;
        }
    }

    /** Keys waiting for the writer. */
    public int pending() {
        synchronized (lock) {
            return pending.size();
        }
    }

    /** Operations written since the start (saves and deletes). */
    public long written() {
        synchronized (lock) {
            return written;
        }
    }

    /** Deletes checkpoints saved before {@code cutoff}; the number deleted. */
    public int deleteSavedBefore(Instant cutoff) { return table.deleteSavedBefore(cutoff); }

    /** Writes what is waiting (bounded by {@link #FLUSH_LIMIT}) and stops the writer. */
    @Override
    public void close() {
        flush();
        synchronized (lock) {
            closed = true;
            pending.clear();
            pendingBytes = 0;
            lock.notifyAll();
        }
    }

    /** Tests only (a server killed): forgets what is waiting and stops the writer without writing. */
    public void abandon() {
        synchronized (lock) {
            closed = true;
            pending.clear();
            pendingBytes = 0;
            lock.notifyAll();
        }
    }

    private void writeLoop() {
        while (true) {
            String key;
            Op op;
            synchronized (lock) {
                while (pending.isEmpty() && !closed) {
                    try {
                        lock.wait(SWEEP_EVERY_MS);
                    } catch (InterruptedException e) {
                        return;
                    }
                    if (pending.isEmpty()) break; // woken by the clock: time to sweep
                }
                if (closed) return;
                if (pending.isEmpty()) {
                    key = null;
                    op = null;
                } else {
                    Iterator<Map.Entry<String, Op>> first = pending.entrySet().iterator();
                    Map.Entry<String, Op> e = first.next();
                    first.remove();
                    pendingBytes -= bytes(e.getValue());
                    key = writingKey = e.getKey();
                    op = writingOp = e.getValue();
                }
            }
            try {
                if (key != null) {
                    write(key, op);
                    synchronized (lock) {
                        written++;
                    }
                }
                sweepIfDue();
            } catch (RuntimeException e) {
                synchronized (lock) {
                    failed++;
                }
                logRarely("checkpoints: could not write to the database (" + Database.rootMessage(e) + "); training goes on");
            } finally {
                synchronized (lock) {
                    writingKey = null;
                    writingOp = null;
                    lock.notifyAll();
                }
            }
        }
    }

    private void write(String key, Op op) {
        if (op.snapshot() == null) table.delete(key, op.savedMillis());
        else table.write(key, op.snapshot(), op.savedMillis(), op.settled());
    }

    private void sweepIfDue() {
        long now = System.currentTimeMillis();
        if (now - lastSweepMillis < SWEEP_EVERY_MS || !database.opened()) return;
        lastSweepMillis = now;
        int deleted = deleteSavedBefore(Instant.ofEpochMilli(now).minus(KEEP));
        if (deleted > 0) LOG.info("checkpoints: deleted " + deleted + " not saved for a day");
    }

    /** Logs at most every 30 s (a database that is down must not flood the log). */
    private void logRarely(String message) {
        long now = System.currentTimeMillis();
        synchronized (lock) {
            if (now - lastLogMillis < LOG_EVERY_MS) return;
            lastLogMillis = now;
        }
        LOG.warn(message);
    }

    /** Writes that failed since the start. */
    public long failed() {
        synchronized (lock) {
            return failed;
        }
    }
}
