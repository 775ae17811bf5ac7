package org.nnplayground.playground.web;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.LifeCycle;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bounds the TCP connections of every door at once (HTTP keep-alive, {@code /ws}, {@code /ws/room}):
 * at most {@code perAddress} from one client address, beyond which a new connection is closed as
 * it opens, and at most {@code max} in all, beyond which Jetty stops accepting until one closes, so
 * the process keeps files for its database, its logs and {@code /health}. A trusted proxy's
 * connections carry many clients; only the global bound applies to them.
 */
final class ConnectionBudget implements Connection.Listener {
    /** Files the process keeps for itself beyond its connections (database, jars, logs). */
    private static final int RESERVED_FILES = 256;

    private final int perAddress;
    private final ClientAddress proxies;
    /** Open connections' end points by client address (an upgrade keeps its end point). */
    private final Map<InetAddress, Set<EndPoint>> open = new ConcurrentHashMap<>();

    private ConnectionBudget(int perAddress, ClientAddress proxies) {
        this.perAddress = perAddress;
        this.proxies = proxies;
    }

    /** Adds both bounds to every connector of {@code server}. */
    static void install(Server server, int max, int perAddress, ClientAddress proxies) {
        server.addBean(new NetworkConnectionLimit(max, server));
        ConnectionBudget budget = new ConnectionBudget(perAddress, proxies);
        // the connectors are added after this runs, before the server starts
        server.addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStarting(LifeCycle event) {
                for (Connector c : server.getConnectors()) c.addEventListener(budget);
            }
        });
    }

    /** The default global bound: three quarters of what the process may open, less a reserve, at most 20,000. */
    static int defaultMax() {
        long files = 4096;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            files = unix.getMaxFileDescriptorCount();
        }
        return (int) Math.max(64, Math.min(20_000, (files - RESERVED_FILES) * 3 / 4));
    }

    @Override
    public void onOpened(Connection connection) {
        EndPoint end = connection.getEndPoint();
        InetAddress a = address(end);
        if (a == null || proxies.trusts(a)) return;
        boolean[] refused = {false};
        open.compute(a, (k, ends) -> {
            Set<EndPoint> set = ends != null ? ends : Collections.newSetFromMap(new IdentityHashMap<>());
            set.removeIf(e -> !e.isOpen());
            if (!set.contains(end)) {
                if (set.size() >= perAddress) refused[0] = true;
                else set.add(end);
            }
            return set.isEmpty() ? null : set;
        });
        if (refused[0]) end.close();
    }

    @Override
    public void onClosed(Connection connection) {
        EndPoint end = connection.getEndPoint();
        if (end.isOpen()) return; // upgraded (HTTP to WebSocket): the same end point goes on
        InetAddress a = address(end);
        if (a == null) return;
        open.computeIfPresent(a, (k, ends) -> {
            ends.remove(end);
            ends.removeIf(e -> !e.isOpen());
            return ends.isEmpty() ? null : ends;
        });
    }

    private static InetAddress address(EndPoint end) {
        return end.getRemoteSocketAddress() instanceof InetSocketAddress s ? s.getAddress() : null;
    }
}
