package org.nnplayground.playground.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import org.eclipse.jetty.websocket.api.Callback;
import org.nnplayground.playground.session.Session;
import org.nnplayground.playground.session.SessionDescription;
import org.nnplayground.playground.session.SessionListener;
import org.nnplayground.playground.session.SessionState;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One WebSocket and its session: sends the session's output. Flow control does not trust the
 * kernel's send buffer (which takes megabytes from a client that stopped reading): the page
 * acknowledges the frames it receives ({@code ack}, two at a time: an ack costs the server as much
 * as a quarter of a small frame), and at most {@link #MAX_FRAMES_UNACKED}
 * frames may be unacknowledged; beyond that the session neither trains nor sends until an ack comes.
 */
final class Connection implements SessionListener {
    static final int MAX_FRAMES_UNACKED = 3;
    /** Text messages Jetty may hold for a client that does not read before it is closed (bounded memory). */
    static final int MAX_TEXTS_IN_FLIGHT = 256;
    static final int POLICY_VIOLATION = 1008;

    private final org.eclipse.jetty.websocket.api.Session socket;
    private final ObjectWriter json;
    private final String address;
    private final RateLimiter limiter;
    private final AtomicInteger unacked = new AtomicInteger();
    /** Big messages (CSV uploads) this socket may send: one a second, bursts of two. */
    private final RateLimiter uploads = new RateLimiter(1);
    private final AtomicInteger textsInFlight = new AtomicInteger();
    /** When the client last took a frame (acknowledged one), or when the first frame went out (ns). */
    private volatile long lastTakenNanos = System.nanoTime();
    private volatile Session session;
    private volatile long lastRateErrorNanos = System.nanoTime() - 2_000_000_000L;

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

    /** The socket itself (rooms send dashboard updates with their own flow control). */
    org.eclipse.jetty.websocket.api.Session socket() { return socket; }

    RateLimiter uploads() { return uploads; }

    @Override
    public void description(SessionDescription d) { send(new ServerMessage.Session(d)); }

    @Override
    public void points(List<double[]> train, List<double[]> test) { send(new ServerMessage.Points(train, test)); }

    @Override
    public void frame(ByteBuffer frame) {
        if (unacked.getAndIncrement() == 0) lastTakenNanos = System.nanoTime();
        socket.sendBinary(frame, Callback.NOOP);
    }

    /** The client received {@code frames} frames; acknowledgements for frames never sent are ignored. */
    void ack(int frames) {
        if (unacked.getAndUpdate(n -> Math.max(0, n - frames)) == 0) return;
        lastTakenNanos = System.nanoTime();
        Session s = session;
        if (s != null) s.frameSent();
    }

    /**
     * Closes the socket (1008, a plain reason) when its session plays or steps and the client has
     * taken no frame for {@code limit}: the stalled-socket reaper of /ws and /ws/room.
     */
    boolean closeIfStalled(Duration limit) {
        Session s = session;
        boolean working = s != null && (s.isStepping() || s.state() == SessionState.PLAYING);
        if (!working || stalledNanos() <= limit.toNanos()) return false;
        close(POLICY_VIOLATION, "no frame taken for " + limit.toSeconds() + " s");
        return true;
    }

    /** How long (ns) frames have waited for the client without it taking one; 0 if it owes none. */
    long stalledNanos() { return unacked.get() == 0 ? 0 : System.nanoTime() - lastTakenNanos; }

    @Override
    public void status(SessionState state, String message) { send(new ServerMessage.Status(state.key(), message)); }

    @Override
    public void link(String hash) { send(new ServerMessage.Link(hash)); }

    @Override
    public void error(String message, String request) { send(new ServerMessage.Error(message, request)); }

    @Override
    public void insights(org.nnplayground.playground.session.InsightsReport report) { send(new ServerMessage.Insights(report)); }

    @Override
    public void digits(org.nnplayground.playground.session.DigitsReport report) { send(new ServerMessage.Digits(report)); }

    @Override
    public void classified(org.nnplayground.playground.session.Classified result) { send(new ServerMessage.ClassifiedImage(result)); }

    @Override
    public void background(Object report) {
        if (report instanceof org.nnplayground.playground.sweep.SweepReport r) send(new ServerMessage.Sweep(r));
    }

    @Override
    public boolean canSendFrame() { return socket.isOpen() && unacked.get() < MAX_FRAMES_UNACKED; }

    /**
     * Refuses a message past the rate: the "too many messages" error, at most once a second (a flood
     * must not flood back), and the session is marked as flooding (see {@link Session#flooding}).
     */
    void sendRateLimited(String message) {
        Session s = session;
        if (s != null) s.flooding(); // no page sends this fast: its training waits behind everyone else's for a while
        long now = System.nanoTime();
        if (now - lastRateErrorNanos < 1_000_000_000L) return;
        lastRateErrorNanos = now;
        send(new ServerMessage.Error(message, null));
    }

    void close(int code, String reason) {
        if (socket.isOpen()) socket.close(code, reason, Callback.NOOP);
    }

    /** Sends one text message; a closed socket drops it (its session is being freed). */
    void send(ServerMessage m) {
        try {
            sendText(json.writeValueAsString(m));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode a " + m.getClass().getSimpleName() + " message", e);
        }
    }

    /** Sends a message already written (one relayed from another server), within the same bound. */
    void sendText(String text) {
        if (!socket.isOpen()) return;
        if (textsInFlight.incrementAndGet() > MAX_TEXTS_IN_FLIGHT) {
            close(POLICY_VIOLATION, "not reading its messages");
            return;
        }
        socket.sendText(text, Callback.from(textsInFlight::decrementAndGet, failure -> textsInFlight.decrementAndGet()));
    }
}
