package org.nnplayground.playground.session;

import org.nnplayground.playground.nn.EpochStats;

/**
 * The compact summary a class dashboard shows of a session, published on its turn (each frame and
 * each change of state) and read by anyone without waiting for the session; and when its student
 * last asked for something.
 */
final class SessionSummaries {
    private volatile SessionSummary latest = SessionSummary.EMPTY;
    private volatile long lastActivityMillis = System.currentTimeMillis();

    /** The student asked for something (watching and refreshing are not the student's activity). */
    void active() { lastActivityMillis = System.currentTimeMillis(); }

    SessionSummary latest() { return latest; }

    void publish(LiveRun live, EpochStats stats, FrameOutbox outbox) {
        SessionSummary last = latest;
        SessionDescription description = live.description();
        TrainingRun run = live.run();
        latest = new SessionSummary(last.version() + 1, live.builds(), stats.epoch(), stats.train().loss(),
                stats.test() == null ? Double.NaN : stats.test().loss(), FrameBuilder.quality(stats.train()),
                stats.test() == null ? Double.NaN : FrameBuilder.quality(stats.test()), live.state(),
                description == null ? "classification" : description.problem(), run.spec().parameterCount(),
                run.settings(), lastActivityMillis, outbox.outputThumbs(), outbox.outputThumbCount(),
                ImageMistakes.of(run), outbox.boundary());
    }
}
