package org.nnplayground.playground.session;

/**
 * Work a session does besides its own training (a hyperparameter sweep), in slices on the session's
 * scheduler turns, so it gets that student's fair share and no more, and stops when the socket closes.
 */
public interface BackgroundWork {
    /** Called once, on the session's turn, with the session's current run (null before a load). */
    void begin(TrainingRun current);

    /** Works until about {@code deadlineNanos} (System.nanoTime), reporting through the listener; false when done. */
    boolean runSlice(long deadlineNanos, SessionListener listener);
}
