package org.nnplayground.playground.session;

import java.util.Optional;

/**
 * Where live runs are checkpointed so that another replica can take a student over when theirs
 * stops (docs/architecture.md, "Several servers"). A key names one run's owner: {@code
 * student:<id>} for a class-room student, {@code solo:<token hash>} for a playground page.
 */
public interface Checkpoints {
    /**
     * A run as last checkpointed, and when (epoch milliseconds); {@code settled}: written when the
     * run stopped training (a pause, the end of a step, a drain), so nothing trained after it.
     */
    record Checkpoint(RunSnapshot snapshot, long savedMillis, boolean settled) {
        /** Whole seconds since it was saved: the time the run was away from a server (the page offline, or waiting for another). */
        public int ageSeconds() { return (int) Math.max(0, Math.round((System.currentTimeMillis() - savedMillis) / 1000.0)); }

        /**
         * At most how many seconds of training a resume from it loses: none when it was settled;
         * else what its server trained after it, at most until its next checkpoint was due ({@code every}).
         */
        public int lostSeconds(java.time.Duration every) {
            return settled ? 0 : (int) Math.min(ageSeconds(), Math.max(1, Math.round(every.toMillis() / 1000.0)));
        }
    }

    /** The key of a class-room student's run. */
    static String studentKey(String studentId) { return "student:" + studentId; }

    /** The key of a playground page's run, by the SHA-256 (hex) of its resume token. */
    static String pageKey(String tokenHash) { return "solo:" + tokenHash; }

    /**
     * Keeps the newest snapshot under {@code key} ({@code settled}: the run stopped training with it);
     * may write later, on a thread of its own (a newer save replaces an unwritten one).
     */
    void save(String key, RunSnapshot snapshot, boolean settled);

    /** Writes every pending save before returning (the server is stopping). */
    void flush();

    /** The newest checkpoint under {@code key}, if any. */
    Optional<Checkpoint> load(String key);

    /** Forgets {@code key} (the student left, the class closed). */
    void delete(String key);
}
