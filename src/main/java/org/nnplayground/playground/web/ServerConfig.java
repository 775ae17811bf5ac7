package org.nnplayground.playground.web;

import java.time.Duration;
import java.util.Map;

/**
 * Every server setting with its default. Each can be given as a flag ({@code --max-sessions 300})
 * or an environment variable ({@code MAX_SESSIONS=300}); flags win.
 */
public record ServerConfig(String host, int port, int maxSessions, int maxSessionsPerAddress, int framesPerSecond,
                           int workers, int gridEvalSize, int maxMessageBytes, int maxCsvBytes,
                           int messagesPerSecond, Duration idleTimeout,
                           org.nnplayground.playground.room.RoomLimits rooms) {

    /** Settings documented in README.md: flag name, environment name, default. */
    public static ServerConfig defaults() {
        return new ServerConfig("0.0.0.0", 8080, 400, 100, 60, Runtime.getRuntime().availableProcessors(),
                50, 16 * 1024, 2 * 1024 * 1024 + 4096, 50, Duration.ofMinutes(30),
                org.nnplayground.playground.room.RoomLimits.defaults());
    }

    public ServerConfig withPort(int p) {
        return new ServerConfig(host, p, maxSessions, maxSessionsPerAddress, framesPerSecond, workers, gridEvalSize,
                maxMessageBytes, maxCsvBytes, messagesPerSecond, idleTimeout, rooms);
    }

    public ServerConfig withHost(String h) {
        return new ServerConfig(h, port, maxSessions, maxSessionsPerAddress, framesPerSecond, workers, gridEvalSize,
                maxMessageBytes, maxCsvBytes, messagesPerSecond, idleTimeout, rooms);
    }

    public ServerConfig withLimits(int sessions, int perAddress, int msgsPerSecond) {
        return new ServerConfig(host, port, sessions, perAddress, framesPerSecond, workers, gridEvalSize,
                maxMessageBytes, maxCsvBytes, msgsPerSecond, idleTimeout, rooms);
    }

    public ServerConfig withIdleTimeout(Duration d) {
        return new ServerConfig(host, port, maxSessions, maxSessionsPerAddress, framesPerSecond, workers, gridEvalSize,
                maxMessageBytes, maxCsvBytes, messagesPerSecond, d, rooms);
    }

    /** Class rooms' limits (students per room, rooms per server, resume grace, wrong codes per minute). */
    public ServerConfig withRooms(org.nnplayground.playground.room.RoomLimits r) {
        return new ServerConfig(host, port, maxSessions, maxSessionsPerAddress, framesPerSecond, workers, gridEvalSize,
                maxMessageBytes, maxCsvBytes, messagesPerSecond, idleTimeout, r);
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
                new org.nnplayground.playground.room.RoomLimits(
                        s.integer("max-students-per-room", d.rooms.studentsPerRoom(), 1, 10_000),
                        s.integer("max-rooms", d.rooms.maxRooms(), 0, 10_000),
                        Duration.ofSeconds(s.integer("resume-grace-seconds", (int) d.rooms.grace().toSeconds(), 10, 86_400)),
                        s.integer("wrong-codes-per-minute", d.rooms.wrongCodesPerMinute(), 1, 1000)));
        s.rejectUnknown();
        if (c.gridEvalSize % 10 != 0) throw new IllegalArgumentException("--grid-eval-size must be a multiple of 10");
        return c;
    }
}
