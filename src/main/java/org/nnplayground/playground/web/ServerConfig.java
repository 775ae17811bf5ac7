package org.nnplayground.playground.web;

import org.nnplayground.playground.store.StoreSettings;

import java.nio.file.Path;
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
                           List<String> trustedProxies) {

    /** Settings documented in README.md: flag name, environment name, default. */
    public static ServerConfig defaults() {
        return new Builder().build();
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

    /** Class rooms' limits (students per room, rooms per server, resume grace, wrong codes per minute). */
    public ServerConfig withRooms(RoomLimits r) { return toBuilder().rooms(r).build(); }

    /** Several servers on one database: this replica's name and checkpoint period. */
    public ServerConfig withCluster(ClusterSettings c) { return toBuilder().cluster(c).build(); }

    /** Every setting, starting from the defaults (the one place they are declared). */
    public static final class Builder {
        private String host = "0.0.0.0";
        private int port = 8080;
        private int maxSessions = 400;
        private int maxSessionsPerAddress = 100;
        private int framesPerSecond = 60;
        private int workers = Runtime.getRuntime().availableProcessors();
        private int gridEvalSize = 50;
        private int maxMessageBytes = 16 * 1024;
        private int maxCsvBytes = 64 * 1024; // the socket's largest text message: a small CSV inline (bigger ones: POST /api/csv)
        private int messagesPerSecond = 50;
        private Duration idleTimeout = Duration.ofMinutes(30);
        private List<String> allowedOrigins = List.of();
        private String frameAncestors = "'self'";
        private Duration stallTimeout = Duration.ofSeconds(60);
        private StoreSettings store = StoreSettings.defaults();
        private RoomLimits rooms = RoomLimits.defaults();
        private ClusterSettings cluster = ClusterSettings.defaults();
        /** Load balancers whose X-Forwarded-For names the client (ClientAddress); none by default. */
        private List<String> trustedProxies = List.of();

        public Builder() {}

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

        public ServerConfig build() {
            return new ServerConfig(host, port, maxSessions, maxSessionsPerAddress, framesPerSecond, workers, gridEvalSize, maxMessageBytes, maxCsvBytes, messagesPerSecond, idleTimeout, allowedOrigins, frameAncestors, stallTimeout, store, rooms, cluster, trustedProxies);
        }
    }

    /** Reads flags ({@code --name value}) over environment variables over defaults. */
    public static ServerConfig from(String[] args, Map<String, String> env) {
        ConfigSource s = new ConfigSource(args, env);
        ServerConfig d = defaults();
        ServerConfig c = new Builder()
                .host(s.text("host", d.host))
                .port(s.integer("port", d.port, 0, 65535))
                .maxSessions(s.integer("max-sessions", d.maxSessions, 1, 100_000))
                .maxSessionsPerAddress(s.integer("max-sessions-per-address", d.maxSessionsPerAddress, 1, 100_000))
                .framesPerSecond(s.integer("fps", d.framesPerSecond, 1, 240))
                .workers(s.integer("workers", d.workers, 1, 1024))
                .gridEvalSize(s.integer("grid-eval-size", d.gridEvalSize, 10, 100))
                .maxMessageBytes(s.integer("max-message-bytes", d.maxMessageBytes, 1024, 1 << 20))
                .messagesPerSecond(s.integer("messages-per-second", d.messagesPerSecond, 1, 10_000))
                .idleTimeout(Duration.ofSeconds(s.integer("idle-timeout-seconds", (int) d.idleTimeout.toSeconds(), 5, 86_400)))
                .allowedOrigins(origins(s.text("allowed-origins", "")))
                .frameAncestors(s.text("frame-ancestors", d.frameAncestors))
                .stallTimeout(Duration.ofSeconds(s.integer("stall-timeout-seconds", (int) d.stallTimeout.toSeconds(), 5, 86_400)))
                .store(storeFrom(s, d.store))
                .rooms(new RoomLimits(
                        s.integer("max-students-per-room", d.rooms.studentsPerRoom(), 1, 10_000),
                        s.integer("max-rooms", d.rooms.maxRooms(), 0, 10_000),
                        Duration.ofSeconds(s.integer("resume-grace-seconds", (int) d.rooms.grace().toSeconds(), 10, 86_400)),
                        s.integer("wrong-codes-per-minute", d.rooms.wrongCodesPerMinute(), 1, 1000),
                        s.integer("rooms-per-hour", d.rooms.roomsPerHour(), 1, 10_000)))
                .cluster(new ClusterSettings(
                        s.text("replica-id", d.cluster.replicaId()),
                        Duration.ofSeconds(s.integer("checkpoint-seconds", (int) d.cluster.checkpointEvery().toSeconds(), 1, 3600))))
                .trustedProxies(ClientAddress.parseList(s.text("trusted-proxies", "")))
                .build();
        s.rejectUnknown();
        if (c.gridEvalSize % 10 != 0) throw new IllegalArgumentException("--grid-eval-size must be a multiple of 10");
        if (!c.frameAncestors.matches("[\\w\\s'*:/.\\-]+")) throw new IllegalArgumentException("--frame-ancestors takes CSP sources, e.g. 'self' https://lms.example.edu");
        return c;
    }

    /** A comma-separated list of origins ("https://lms.example.edu,https://other.org"), or "*". */
    private static List<String> origins(String list) {
        List<String> out = new java.util.ArrayList<>();
        for (String o : list.split(",")) {
            String t = o.trim();
            if (t.isEmpty()) continue;
            if (!t.equals("*") && !t.matches("https?://[^/\\s]+")) {
                throw new IllegalArgumentException("--allowed-origins takes origins like https://lms.example.edu (got '" + t + "')");
            }
            out.add(t.toLowerCase(java.util.Locale.ROOT));
        }
        return List.copyOf(out);
    }

    /** Saved runs' settings: --data-dir, --database-url, --retention-days, --saves-per-minute, --store-budget-mb. */
    private static StoreSettings storeFrom(ConfigSource s, StoreSettings d) {
        return new StoreSettings(Path.of(s.text("data-dir", d.dataDir().toString())), s.text("database-url", d.databaseUrl()),
                s.integer("retention-days", d.retentionDays(), 0, 36_500), s.integer("saves-per-minute", d.savesPerMinute(), 1, 10_000),
                d.maxRunBytes(), s.integer("store-budget-mb", d.budgetMb(), 16, 16 * 1024 * 1024));
    }
}
