package org.nnplayground.playground.web;

import org.nnplayground.playground.store.Database;
import org.nnplayground.playground.store.JdbcReplicas;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * How this server reaches the other replicas sharing its database (docs/architecture.md, "Several
 * servers"): it writes where it listens into the {@code replicas} table every few seconds, reads
 * where another one listens, and holds the client and timer of the runs relayed from them
 * ({@link RemoteWatch}). One server alone has none.
 */
final class ReplicaLinks implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReplicaLinks.class);
    static final Duration HEARTBEAT = Duration.ofSeconds(5);
    /** A replica silent for this long is taken for gone (its address is not used). */
    static final Duration GONE = Duration.ofSeconds(30);

    private final JdbcReplicas table;
    private final String replicaId;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "replica-links");
        t.setDaemon(true);
        return t;
    });
    private volatile String address;

    ReplicaLinks(Database database, String replicaId) {
        this.table = new JdbcReplicas(database);
        this.replicaId = replicaId;
    }

    /** From now on this server says it listens on {@code port} of {@code host} (a wildcard host: this machine's address). */
    void announce(String host, int port) {
        address = "http://" + reachableHost(host) + ":" + port;
        timer.scheduleWithFixedDelay(this::heartbeat, 0, HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void heartbeat() {
        try {
            table.heartbeat(replicaId, address, System.currentTimeMillis());
        } catch (RuntimeException e) {
            LOG.warn("replicas: could not announce this server: " + e.getMessage());
        }
    }

    /** Where replica {@code id} listens (http://host:port), or null when it is unknown or silent. */
    String address(String id) {
        return table.address(id, System.currentTimeMillis() - GONE.toMillis());
    }

    HttpClient http() { return http; }

    ScheduledExecutorService timer() { return timer; }

    /** The bound host, or for a wildcard (0.0.0.0, ::) the address this machine's name resolves to (a pod's IP). */
    static String reachableHost(String host) {
        if (host != null && !host.isBlank() && !host.equals("0.0.0.0") && !host.equals("::") && !host.equals("[::]")) {
            return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        }
        try {
            String ip = InetAddress.getLocalHost().getHostAddress();
            return ip.contains(":") ? "[" + ip + "]" : ip;
        } catch (UnknownHostException e) {
            return "127.0.0.1";
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
