package org.nnplayground.playground.web;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;

/**
 * Running several servers on one PostgreSQL (README, "Running several servers").
 *
 * @param replicaId       this server's name among the replicas (logs, /health, room events); the host name by default
 * @param checkpointEvery how often a playing session's run is written to the database, so another replica can take it over
 */
public record ClusterSettings(String replicaId, Duration checkpointEvery) {
    public static ClusterSettings defaults() {
        return new ClusterSettings(defaultReplicaId(), Duration.ofSeconds(5));
    }

    /** The host name (a pod's name on Kubernetes), or a random name when it cannot be read. */
    static String defaultReplicaId() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                host = null;
            }
        }
        if (host == null || host.isBlank()) host = "replica-" + Long.toHexString(System.nanoTime() & 0xffffff);
        return host.length() > 60 ? host.substring(0, 60) : host;
    }
}
