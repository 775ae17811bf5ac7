package org.nnplayground.playground.web;

import org.nnplayground.playground.store.StoreSettings;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.nnplayground.playground.room.RoomLimits;

/**
 * Every server setting with its default. Each can be given as a flag ({@code --max-sessions 300})
 * or an environment variable ({@code MAX_SESSIONS=300}); flags win.
 */
public record ServerConfig(String host,
                           int port,
                           int maxSessions,
                           int maxSessionsPerAddress,
                           int framesPerSecond,
                           int workers,
                           int gridEvalSize,
                           int maxMessageBytes,
                           int maxCsvBytes,
                           int messagesPerSecond,
                           Duration idleTimeout,
                           List<String> allowedOrigins,
                           String frameAncestors,
                           Duration stallTimeout,
                           StoreSettings store,
                           RoomLimits rooms,
                           ClusterSettings cluster,
                           List<String> trustedProxies,
                           String publicUrl,
                           int maxConnections,
                           int maxConnectionsPerAddress) {

    /** The socket's largest text message: a small CSV inline (bigger ones: POST /api/csv). */
    static final int INLINE_CSV_BYTES = 64 * 1024;

    /** Every flag's default (ServeCommand declares them, README.md lists them). */
    public static ServerConfig defaults() {
        return new ServeCommand(System.out).config();
    }

    /** A copy to change a few settings of (tests, the command line). */
    public Builder toBuilder() { return new Builder(this); }

    public ServerConfig withPort(int p) { return toBuilder().port(p).build(); }

    public ServerConfig withHost(String h) { return toBuilder().host(h).build(); }

    public ServerConfig withLimits(int sessions, int perAddress, int msgsPerSecond) {
        return toBuilder().maxSessions(sessions).maxSessionsPerAddress(perAddress).messagesPerSecond(msgsPerSecond).build();
    }

    public ServerConfig withIdleTimeout(Duration d) { return toBuilder().idleTimeout(d).build(); }

    /** Origins (besides the page's own) whose pages may open /ws, e.g. an LMS that embeds the playground; "*" = any. */
    public ServerConfig withAllowedOrigins(List<String> origins) { return toBuilder().allowedOrigins(origins).build(); }

    public ServerConfig withStallTimeout(Duration d) { return toBuilder().stallTimeout(d).build(); }

    /** Saved runs elsewhere (tests: a temporary data directory). */
    public ServerConfig withStore(StoreSettings s) { return toBuilder().store(s).build(); }

    /** Rooms' limits (students per room, rooms per server, resume grace, wrong codes per minute). */
    public ServerConfig withRooms(RoomLimits r) { return toBuilder().rooms(r).build(); }

    /** Every setting, starting from the defaults. */
    public static final class Builder {
        private String host;
        private int port;
        private int maxSessions;
        private int maxSessionsPerAddress;
        private int framesPerSecond;
        private int workers;
        private int gridEvalSize;
        private int maxMessageBytes;
        private int maxCsvBytes;
        private int messagesPerSecond;
        private Duration idleTimeout;
        private List<String> allowedOrigins;
        private String frameAncestors;
        private Duration stallTimeout;
        private StoreSettings store;
        private RoomLimits rooms;
        private ClusterSettings cluster;
        private List<String> trustedProxies;
        private String publicUrl;
        private int maxConnections;
        private int maxConnectionsPerAddress;

        public Builder() {
            this(defaults());
        }

        private Builder(ServerConfig c) {
            host = c.host;
            port = c.port;
            maxSessions = c.maxSessions;
            maxSessionsPerAddress = c.maxSessionsPerAddress;
            framesPerSecond = c.framesPerSecond;
            workers = c.workers;
            gridEvalSize = c.gridEvalSize;
            maxMessageBytes = c.maxMessageBytes;
            maxCsvBytes = c.maxCsvBytes;
            messagesPerSecond = c.messagesPerSecond;
            idleTimeout = c.idleTimeout;
            allowedOrigins = c.allowedOrigins;
            frameAncestors = c.frameAncestors;
            stallTimeout = c.stallTimeout;
            store = c.store;
            rooms = c.rooms;
            cluster = c.cluster;
            trustedProxies = c.trustedProxies;
            publicUrl = c.publicUrl;
            maxConnections = c.maxConnections;
            maxConnectionsPerAddress = c.maxConnectionsPerAddress;
        }

        public Builder host(String v) { host = v; return this; }

        public Builder port(int v) { port = v; return this; }

        public Builder maxSessions(int v) { maxSessions = v; return this; }

        public Builder maxSessionsPerAddress(int v) { maxSessionsPerAddress = v; return this; }

        public Builder framesPerSecond(int v) { framesPerSecond = v; return this; }

        public Builder workers(int v) { workers = v; return this; }

        public Builder gridEvalSize(int v) { gridEvalSize = v; return this; }

        public Builder maxMessageBytes(int v) { maxMessageBytes = v; return this; }

        public Builder maxCsvBytes(int v) { maxCsvBytes = v; return this; }

        public Builder messagesPerSecond(int v) { messagesPerSecond = v; return this; }

        public Builder idleTimeout(Duration v) { idleTimeout = v; return this; }

        public Builder allowedOrigins(List<String> v) { allowedOrigins = v; return this; }

        public Builder frameAncestors(String v) { frameAncestors = v; return this; }

        public Builder stallTimeout(Duration v) { stallTimeout = v; return this; }

        public Builder store(StoreSettings v) { store = v; return this; }

        public Builder rooms(RoomLimits v) { rooms = v; return this; }

        public Builder cluster(ClusterSettings v) { cluster = v; return this; }

        public Builder trustedProxies(List<String> v) { trustedProxies = v; return this; }

        public Builder maxConnections(int v) { maxConnections = v; return this; }

        public Builder maxConnectionsPerAddress(int v) { maxConnectionsPerAddress = v; return this; }

        /** The address pages are loaded from (https://playground.school.edu); null or blank: none configured. */
        public Builder publicUrl(String v) { publicUrl = v == null || v.isBlank() ? null : v; return this; }

        public ServerConfig build() {
            return new ServerConfig(host, port, maxSessions, maxSessionsPerAddress, framesPerSecond, workers, gridEvalSize, maxMessageBytes, maxCsvBytes, messagesPerSecond, idleTimeout, allowedOrigins, frameAncestors, stallTimeout, store, rooms, cluster, trustedProxies, publicUrl, maxConnections, maxConnectionsPerAddress);
        }
    }

    /** Reads flags ({@code --name value}) over environment variables over defaults (ServeCommand declares them). */
    public static ServerConfig from(String[] args, Map<String, String> env) {
        return ServeCommand.parse(args, env);
    }
}
