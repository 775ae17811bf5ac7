package org.nnplayground.playground.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import org.eclipse.jetty.websocket.api.Callback;
import org.nnplayground.playground.session.Session;
import org.nnplayground.playground.session.SessionDescription;
import org.nnplayground.playground.session.SessionListener;
import org.nnplayground.playground.session.SessionState;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One WebSocket and its session: sends the session's output, at most {@link #MAX_FRAMES_IN_FLIGHT}
 * binary frames not yet written by Jetty at a time (the session then waits and sends its newest state).
 */
final class Connection implements SessionListener {
    static final int MAX_FRAMES_IN_FLIGHT = 2;

    private final org.eclipse.jetty.websocket.api.Session socket;
    private final ObjectWriter json;
    private final String address;
    private final RateLimiter limiter;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile Session session;

    Connection(org.eclipse.jetty.websocket.api.Session socket, ObjectWriter json, String address, RateLimiter limiter) {
        this.socket = socket;
        this.json = json;
        this.address = address;
        this.limiter = limiter;
    }

    void attach(Session s) { this.session = s; }

    Session session() { return session; }

    String address() { return address; }

    RateLimiter limiter() { return limiter; }

    @Override
    public void description(SessionDescription d) { send(new ServerMessage.Session(d)); }

    @Override
    public void frame(ByteBuffer frame) {
        inFlight.incrementAndGet();
        socket.sendBinary(frame, Callback.from(this::frameWritten, failure -> frameWritten()));
    }

    private void frameWritten() {
        inFlight.decrementAndGet();
        Session s = session;
        if (s != null) s.frameSent();
    }

    @Override
    public void status(SessionState state, String message) { send(new ServerMessage.Status(state.key(), message)); }

    @Override
    public void link(String hash) { send(new ServerMessage.Link(hash)); }

    @Override
    public void error(String message, String request) { send(new ServerMessage.Error(message, request)); }

    @Override
    public void insights(org.nnplayground.playground.session.InsightsReport report) { send(new ServerMessage.Insights(report)); }

    @Override
    public void background(Object report) {
        if (report instanceof org.nnplayground.playground.sweep.SweepReport r) send(new ServerMessage.Sweep(r));
    }

    @Override
    public boolean canSendFrame() { return socket.isOpen() && inFlight.get() < MAX_FRAMES_IN_FLIGHT; }

    void close(int code, String reason) {
        if (socket.isOpen()) socket.close(code, reason, Callback.NOOP);
    }

    /** Sends one text message; a closed socket drops it (its session is being freed). */
    void send(ServerMessage m) {
        if (!socket.isOpen()) return;
        try {
            socket.sendText(json.writeValueAsString(m), Callback.NOOP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + m.getClass().getSimpleName(), e);
        }
    }
}
