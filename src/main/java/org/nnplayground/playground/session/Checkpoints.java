package org.nnplayground.playground.session;

import java.util.Optional;

/**
 * Where live runs are checkpointed so that another replica can take a student over when theirs
 * stops (docs/architecture.md, "Several servers"). A key names one run's owner: {@code
 * student:<id>} for a class-room student, {@code solo:<token hash>} for a playground page.
 */
public interface Checkpoints {
    /** A run as last checkpointed, and when (epoch milliseconds). */
    record Checkpoint(RunSnapshot snapshot, long savedMillis) {
        /** Whole seconds since it was saved: at most the training a resume from it loses (with the time offline). */
        public int ageSeconds() { return (int) Math.max(0, Math.round((System.currentTimeMillis() - savedMillis) / 1000.0)); }
    }

    /** The key of a class-room student's run. */
    static String studentKey(String studentId) { return "student:" + studentId; }

    /** The key of a playground page's run, by the SHA-256 (hex) of its resume token. */
    static String pageKey(String tokenHash) { return "solo:" + tokenHash; }

    /** Keeps the newest snapshot under {@code key}; may write later, on a thread of its own (a newer save replaces an unwritten one). */
    void save(String key, RunSnapshot snapshot);

    /** Writes every pending save before returning (the server is stopping). */
    void flush();

    /** The newest checkpoint under {@code key}, if any. */
    Optional<Checkpoint> load(String key);

    /** Forgets {@code key} (the student left, the class closed). */
    void delete(String key);
}
