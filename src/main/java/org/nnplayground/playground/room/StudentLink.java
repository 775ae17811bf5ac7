package org.nnplayground.playground.room;

import org.nnplayground.playground.session.InsightsReport;
import org.nnplayground.playground.session.SessionDescription;
import org.nnplayground.playground.session.SessionListener;
import org.nnplayground.playground.session.SessionState;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * A room student's session listener that outlives the student's socket: it forwards to the
 * current socket, and while the student is away (reloading, offline) it drops output, so the
 * session, paused, waits for them with its weights, epoch and chart.
 */
final class StudentLink implements SessionListener {
    private volatile SessionListener target;

    void attach(SessionListener socket) { target = socket; }

    /** Detaches {@code socket} if it is still the current one (a newer tab may have taken over). */
    boolean detach(SessionListener socket) {
        if (target != socket) return false;
        target = null;
        return true;
    }

    boolean attached() { return target != null; }

    SessionListener current() { return target; }

    @Override
    public void description(SessionDescription d) {
        SessionListener t = target;
        if (t != null) t.description(d);
    }

    @Override
    public void points(List<double[]> train, List<double[]> test) {
        SessionListener t = target;
        if (t != null) t.points(train, test);
    }

    @Override
    public void frame(ByteBuffer frame) {
        SessionListener t = target;
        if (t != null) t.frame(frame);
    }

    @Override
    public void status(SessionState state, String message) {
        SessionListener t = target;
        if (t != null) t.status(state, message);
    }

    @Override
    public void link(String hash) {
        SessionListener t = target;
        if (t != null) t.link(hash);
    }

    @Override
    public void error(String message, String request) {
        SessionListener t = target;
        if (t != null) t.error(message, request);
    }

    /** The course views' data: a room student has them as every student does. */
    @Override
    public void insights(InsightsReport report) {
        SessionListener t = target;
        if (t != null) t.insights(report);
    }

    /** An image run's progress and digit views. */
    @Override
    public void digits(org.nnplayground.playground.session.DigitsReport report) {
        SessionListener t = target;
        if (t != null) t.digits(report);
    }

    /** The answer to a drawn or clicked image. */
    @Override
    public void classified(org.nnplayground.playground.session.Classified result) {
        SessionListener t = target;
        if (t != null) t.classified(result);
    }

    /** A sweep's progress and table (the student's background work). */
    @Override
    public void background(Object report) {
        SessionListener t = target;
        if (t != null) t.background(report);
    }

    /** Away: frames go nowhere, so they never hold the session (or a teacher watching it) back. */
    @Override
    public boolean canSendFrame() {
        SessionListener t = target;
        return t == null || t.canSendFrame();
    }
}
