package org.nnplayground.playground.web;

import org.nnplayground.playground.store.StoreSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Every server setting with its default. Each can be given as a flag ({@code --max-sessions 300})
 * or an environment variable ({@code MAX_SESSIONS=300}); flags win.
 */
public record ServerConfig(String host, int port, int maxSessions, int maxSessionsPerAddress, int framesPerSecond,
                           int workers, int gridEvalSize, int maxMessageBytes, int maxCsvBytes,
                           int messagesPerSecond, Duration idleTimeout,
                           java.util.List<String> allowedOrigins, String frameAncestors, Duration stallTimeout,
                           StoreSettings store,
                           org.nnplayground.playground.room.RoomLimits rooms) {

    /** Settings documented in README.md: flag name, environment name, default. */
    public static ServerConfig defaults() {
        return new ServerConfig("0.0.0.0", 8080, 400, 100, 60, Runtime.getRuntime().availableProcessors(),
                50, 16 * 1024, 2 * 1024 * 1024 + 4096, 50, Duration.ofMinutes(30),
                java.util.List.of(), "'self'", Duration.ofSeconds(60), StoreSettings.defaults(),
                org.nnplayground.playground.room.RoomLimits.defaults());
    }

    public ServerConfig withPort(int p) {
        return new ServerConfig(host, p, maxSessions, maxSessionsPerAddress, framesPerSecond, workers, gridEvalSize,
                maxMessageBytes, maxCsvBytes, messagesPerSecond, idleTimeout, allowedOrigins, frameAncestors, stallTimeout, store, rooms);
    }

    public ServerConfig withHost(String h) {
        return new ServerConfig(h, port, maxSessions, maxSessionsPerAddress, framesPerSecond, workers, gridEvalSize,
                maxMessageBytes, maxCsvBytes, messagesPerSecond, idleTimeout, allowedOrigins, frameAncestors, stallTimeout, store, rooms);
    }

    public ServerConfig withLimits(int sessions, int perAddress, int msgsPerSecond) {
        return new ServerConfig(host, port, sessions, perAddress, framesPerSecond, workers, gridEvalSize,
                maxMessageBytes, maxCsvBytes, msgsPerSecond, idleTimeout, allowedOrigins, frameAncestors, stallTimeout, store, rooms);
    }

    public ServerConfig withIdleTimeout(Duration d) {
        return new ServerConfig(host, port, maxSessions, maxSessionsPerAddress, framesPerSecond, workers, gridEvalSize,
                maxMessageBytes, maxCsvBytes, messagesPerSecond, d, allowedOrigins, frameAncestors, stallTimeout, store, rooms);
    }

    /** Origins (besides the page's own) whose pages may open /ws, e.g. an LMS that embeds the playground; "*" = any. */
    public ServerConfig withAllowedOrigins(java.util.List<String> origins) {
        return new ServerConfig(host, port, maxSessions, maxSessionsPerAddress, framesPerSecond, workers, gridEvalSize,
                maxMessageBytes, maxCsvBytes, messagesPerSecond, idleTimeout, origins, frameAncestors, stallTimeout, store, rooms);
    }

    public ServerConfig withStallTimeout(Duration d) {
        return new ServerConfig(host, port, maxSessions, maxSessionsPerAddress, framesPerSecond, workers, gridEvalSize,
                maxMessageBytes, maxCsvBytes, messagesPerSecond, idleTimeout, allowedOrigins, frameAncestors, d, store, rooms);
    }

    /** Saved runs elsewhere (tests: a temporary data directory). */
    public ServerConfig withStore(StoreSettings s) {
        return new ServerConfig(host, port, maxSessions, maxSessionsPerAddress, framesPerSecond, workers, gridEvalSize,
                maxMessageBytes, maxCsvBytes, messagesPerSecond, idleTimeout, allowedOrigins, frameAncestors, stallTimeout, s, rooms);
    }

    /** Class rooms' limits (students per room, rooms per server, resume grace, wrong codes per minute). */
    public ServerConfig withRooms(org.nnplayground.playground.room.RoomLimits r) {
        return new ServerConfig(host, port, maxSessions, maxSessionsPerAddress, framesPerSecond, workers, gridEvalSize,
                maxMessageBytes, maxCsvBytes, messagesPerSecond, idleTimeout, allowedOrigins, frameAncestors, stallTimeout, store, r);
    }

    /** Reads flags ({@code --name value}) over environment variables over defaults. */
    public static ServerConfig from(String[] args, Map<String, String> env) {
        ConfigSource s = new ConfigSource(args, env);
        ServerConfig d = defaults();
        ServerConfig c = new ServerConfig(
                s.text("host", d.host),
                s.integer("port", d.port, 0, 65535),
                s.integer("max-sessions", d.maxSessions, 1, 100_000),
                s.integer("max-sessions-per-address", d.maxSessionsPerAddress, 1, 100_000),
                s.integer("fps", d.framesPerSecond, 1, 240),
                s.integer("workers", d.workers, 1, 1024),
                s.integer("grid-eval-size", d.gridEvalSize, 10, 100),
                s.integer("max-message-bytes", d.maxMessageBytes, 1024, 1 << 20),
                d.maxCsvBytes,
                s.integer("messages-per-second", d.messagesPerSecond, 1, 10_000),
                Duration.ofSeconds(s.integer("idle-timeout-seconds", (int) d.idleTimeout.toSeconds(), 5, 86_400)),
                origins(s.text("allowed-origins", "")),
                s.text("frame-ancestors", d.frameAncestors),
                Duration.ofSeconds(s.integer("stall-timeout-seconds", (int) d.stallTimeout.toSeconds(), 5, 86_400)),
                storeFrom(s, d.store),
                new org.nnplayground.playground.room.RoomLimits(
                        s.integer("max-students-per-room", d.rooms.studentsPerRoom(), 1, 10_000),
                        s.integer("max-rooms", d.rooms.maxRooms(), 0, 10_000),
                        Duration.ofSeconds(s.integer("resume-grace-seconds", (int) d.rooms.grace().toSeconds(), 10, 86_400)),
                        s.integer("wrong-codes-per-minute", d.rooms.wrongCodesPerMinute(), 1, 1000),
                        s.integer("rooms-per-hour", d.rooms.roomsPerHour(), 1, 10_000)));
        s.rejectUnknown();
        if (c.gridEvalSize % 10 != 0) throw new IllegalArgumentException("--grid-eval-size must be a multiple of 10");
        if (!c.frameAncestors.matches("[\\w\\s'*:/.\\-]+")) throw new IllegalArgumentException("--frame-ancestors takes CSP sources, e.g. 'self' https://lms.example.edu");
        return c;
    }

    /** A comma-separated list of origins ("https://lms.example.edu,https://other.org"), or "*". */
    private static java.util.List<String> origins(String list) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String o : list.split(",")) {
            String t = o.trim();
            if (t.isEmpty()) continue;
            if (!t.equals("*") && !t.matches("https?://[^/\\s]+")) {
                throw new IllegalArgumentException("--allowed-origins takes origins like https://lms.example.edu (got '" + t + "')");
            }
            out.add(t.toLowerCase(java.util.Locale.ROOT));
        }
        return java.util.List.copyOf(out);
    }

    /** Saved runs' settings: --data-dir, --database-url, --retention-days, --saves-per-minute. */
    private static StoreSettings storeFrom(ConfigSource s, StoreSettings d) {
        return new StoreSettings(Path.of(s.text("data-dir", d.dataDir().toString())), s.text("database-url", d.databaseUrl()),
                s.integer("retention-days", d.retentionDays(), 0, 36_500), s.integer("saves-per-minute", d.savesPerMinute(), 1, 10_000),
                d.maxRunBytes());
    }
}
