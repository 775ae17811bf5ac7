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
                           int messagesPerSecond, Duration idleTimeout, StoreSettings store) {

    /** Settings documented in README.md: flag name, environment name, default. */
    public static ServerConfig defaults() {
        return new ServerConfig("0.0.0.0", 8080, 400, 100, 60, Runtime.getRuntime().availableProcessors(),
                50, 16 * 1024, 2 * 1024 * 1024 + 4096, 50, Duration.ofMinutes(30), StoreSettings.defaults());
    }

    public ServerConfig withPort(int p) {
        return new ServerConfig(host, p, maxSessions, maxSessionsPerAddress, framesPerSecond, workers, gridEvalSize,
                maxMessageBytes, maxCsvBytes, messagesPerSecond, idleTimeout, store);
    }

    public ServerConfig withHost(String h) {
        return new ServerConfig(h, port, maxSessions, maxSessionsPerAddress, framesPerSecond, workers, gridEvalSize,
                maxMessageBytes, maxCsvBytes, messagesPerSecond, idleTimeout, store);
    }

    public ServerConfig withLimits(int sessions, int perAddress, int msgsPerSecond) {
        return new ServerConfig(host, port, sessions, perAddress, framesPerSecond, workers, gridEvalSize,
                maxMessageBytes, maxCsvBytes, msgsPerSecond, idleTimeout, store);
    }

    public ServerConfig withIdleTimeout(Duration d) {
        return new ServerConfig(host, port, maxSessions, maxSessionsPerAddress, framesPerSecond, workers, gridEvalSize,
                maxMessageBytes, maxCsvBytes, messagesPerSecond, d, store);
    }

    /** Saved runs elsewhere (tests: a temporary data directory). */
    public ServerConfig withStore(StoreSettings s) {
        return new ServerConfig(host, port, maxSessions, maxSessionsPerAddress, framesPerSecond, workers, gridEvalSize,
                maxMessageBytes, maxCsvBytes, messagesPerSecond, idleTimeout, s);
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
                storeFrom(s, d.store));
        s.rejectUnknown();
        if (c.gridEvalSize % 10 != 0) throw new IllegalArgumentException("--grid-eval-size must be a multiple of 10");
        return c;
    }

    /** Saved runs' settings: --data-dir, --database-url, --retention-days, --saves-per-minute. */
    private static StoreSettings storeFrom(ConfigSource s, StoreSettings d) {
        return new StoreSettings(Path.of(s.text("data-dir", d.dataDir().toString())), s.text("database-url", d.databaseUrl()),
                s.integer("retention-days", d.retentionDays(), 0, 36_500), s.integer("saves-per-minute", d.savesPerMinute(), 1, 10_000),
                d.maxRunBytes());
    }
}
