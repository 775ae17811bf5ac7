package org.nnplayground.playground.session;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Every open session, with the server's limits: in total and per client address. */
public final class SessionRegistry {
    private final int maxSessions;
    private final int maxPerAddress;
    private final int evalSize;
    private final SessionScheduler scheduler;
    private final AtomicInteger total = new AtomicInteger();
    private final Map<String, AtomicInteger> perAddress = new ConcurrentHashMap<>();
    private final Set<Session> open = ConcurrentHashMap.newKeySet();

    public SessionRegistry(SessionScheduler scheduler, int maxSessions, int maxPerAddress, int evalSize) {
        this.scheduler = scheduler;
        this.maxSessions = maxSessions;
        this.maxPerAddress = maxPerAddress;
        this.evalSize = evalSize;
    }

    /** Opens a session for {@code address}, or refuses with a message when a limit is reached. */
    public synchronized Session open(String address, SessionListener listener) {
        if (total.get() >= maxSessions) {
            throw new LimitException("the server is full (" + maxSessions + " sessions); try again later");
        }
        AtomicInteger mine = perAddress.computeIfAbsent(address, a -> new AtomicInteger());
        if (mine.get() >= maxPerAddress) {
            throw new LimitException("too many sessions from your address (" + maxPerAddress + "); close other tabs");
        }
        mine.incrementAndGet();
        total.incrementAndGet();
        Session s = new Session(listener, scheduler, evalSize);
        open.add(s);
        return s;
    }

    /** Frees {@code session}'s place (its socket closed or vanished). */
    public synchronized void close(String address, Session session) {
        session.close();
        if (!open.remove(session)) return; // freed already (close and error both report a socket's end)
        total.decrementAndGet();
        AtomicInteger mine = perAddress.get(address);
        if (mine != null && mine.decrementAndGet() <= 0) perAddress.remove(address);
    }

    public int size() { return total.get(); }

    /** Every open session (a copy: a server draining checkpoints them all). */
    public List<Session> sessions() { return List.copyOf(open); }

    /** Requests waiting in every open session's queue. */
    public int queuedRequests() { return open.stream().mapToInt(Session::queuedRequests).sum(); }

    public int maxSessions() { return maxSessions; }

    /** A limit of the server was reached. */
    public static final class LimitException extends RuntimeException {
        public LimitException(String message) { super(message); }
    }
}
