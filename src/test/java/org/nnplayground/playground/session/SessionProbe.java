package org.nnplayground.playground.session;

import java.lang.reflect.Field;

/**
 * What a test reads of a server's session from outside: the epochs its run has trained, counted
 * by the trainer itself (frames stop when the socket closes; the trainer's count does not).
 */
public final class SessionProbe {
    private SessionProbe() {}

    /** Epochs the session's current run has trained (0 before the first build). */
    public static int epochs(Session session) {
        TrainingRun run = run(session);
        return run == null ? 0 : run.trainer().epoch();
    }

    /** The trainer of the session's current run (null before the first build): a new network has a new one. */
    static Object trainer(Session session) {
        TrainingRun run = run(session);
        return run == null ? null : run.trainer();
    }

    /** The session's current run (null before the first build); read it only between its turns. */
    public static TrainingRun run(Session session) {
        try {
            Field live = Session.class.getDeclaredField("live");
            live.setAccessible(true);
            return ((LiveRun) live.get(session)).run();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Session keeps its LiveRun in the field 'live'", e);
        }
    }
}
