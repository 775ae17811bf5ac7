package org.nnplayground.playground.session;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Where a session's output goes (the WebSocket, or a test). Called from scheduler threads,
 * never concurrently for one session.
 */
public interface SessionListener {
    /** The session was (re)built: its shape, data and link. */
    void description(SessionDescription description);

    /** The run's points changed, the run going on (a drawing as it trains): as in its description, (x, y, label) on its plane. */
    default void points(List<double[]> train, List<double[]> test) {}

    /** One binary frame (docs/protocol.md). */
    void frame(ByteBuffer frame);

    /** Playing, paused or diverged, with a message for the student (may be null). */
    void status(SessionState state, String message);

    /** The link changed (after a setting change). */
    void link(String hash);

    /** A request was refused; {@code request} names it (may be null). */
    void error(String message, String request);

    /** False while frames already sent have not been written yet (at most a couple in flight). */
    boolean canSendFrame();

    /** The course views' data (only while the page asked for it). */
    default void insights(InsightsReport report) {}

    /** An image run's progress and digit views (docs/protocol.md, "digits"). */
    default void digits(DigitsReport report) {}

    /** The answer to a classify request. */
    default void classified(Classified result) {}

    /** A report of background work (a sweep's progress or its table). */
    default void background(Object report) {}
}
