package org.nnplayground.playground.web;

import org.nnplayground.playground.room.RoomLimits;
import org.nnplayground.playground.session.Warmup;
import org.nnplayground.playground.store.StoreSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The {@code serve} command and every server flag, each declared once: its name, environment
 * variable ({@link Flag}), default (the field's value), range and help. {@code --help} and the
 * README's table are made from these fields (ServeFlagsTest checks the table).
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false, showDefaultValues = true, abbreviateSynopsis = true,
        description = {"Starts the playground server (http://localhost:8080/ by default) and runs until stopped.",
                "Each flag can also be given as the environment variable in brackets; flags win."})
public final class ServeCommand implements Callable<Integer> {
    @Option(names = "--port", paramLabel = "N", description = "HTTP port")
    @Flag(env = "PORT", min = 0, max = 65535) int port = 8080;

    @Option(names = "--host", paramLabel = "ADDRESS", description = "bind address")
    @Flag(env = "HOST") String host = "0.0.0.0";

    @Option(names = "--max-sessions", paramLabel = "N", description = "open sessions (browser tabs) in total")
    @Flag(env = "MAX_SESSIONS", min = 1, max = 100_000) int maxSessions = 400;

    @Option(names = "--max-sessions-per-address", paramLabel = "N", description = "sessions per client address (a class behind one NAT shares one)")
    @Flag(env = "MAX_SESSIONS_PER_ADDRESS", min = 1, max = 100_000) int maxSessionsPerAddress = 100;

    @Option(names = "--fps", paramLabel = "N", description = "frames per second sent to each playing browser")
    @Flag(env = "FPS", min = 1, max = 240) int framesPerSecond = 60;

    @Option(names = "--workers", paramLabel = "N", description = "trainer threads (default: the number of cores)")
    @Flag(env = "WORKERS", min = 1, max = 1024) int workers = Runtime.getRuntime().availableProcessors();

    @Option(names = "--grid-eval-size", paramLabel = "N", description = "points per side at which heatmaps are evaluated, a multiple of 10")
    @Flag(env = "GRID_EVAL_SIZE", min = 10, max = 100) int gridEvalSize = 50;

    @Option(names = "--max-message-bytes", paramLabel = "BYTES", description = "largest WebSocket message")
    @Flag(env = "MAX_MESSAGE_BYTES", min = 1024, max = 1 << 20) int maxMessageBytes = 16 * 1024;

    @Option(names = "--messages-per-second", paramLabel = "N", description = "messages per socket per second, bursts of twice that")
    @Flag(env = "MESSAGES_PER_SECOND", min = 1, max = 10_000) int messagesPerSecond = 50;

    @Option(names = "--idle-timeout-seconds", paramLabel = "S", description = "a silent socket is closed and its session freed")
    @Flag(env = "IDLE_TIMEOUT_SECONDS", min = 5, max = 86_400) int idleTimeoutSeconds = 1800;

    @Option(names = "--stall-timeout-seconds", paramLabel = "S", description = "a playing client that took no frame for this long is closed")
    @Flag(env = "STALL_TIMEOUT_SECONDS", min = 5, max = 86_400) int stallTimeoutSeconds = 60;

    @Option(names = "--allowed-origins", paramLabel = "ORIGINS", description = "other sites whose pages may open sessions, comma-separated (https://lms.example.edu), or *")
    @Flag(env = "ALLOWED_ORIGINS") String allowedOrigins = "";

    @Option(names = "--frame-ancestors", paramLabel = "SOURCES", description = "who may embed the page in a frame (CSP frame-ancestors sources)")
    @Flag(env = "FRAME_ANCESTORS") String frameAncestors = "'self'";

    @Option(names = "--data-dir", paramLabel = "DIR", description = "where the embedded database (H2) keeps saved runs")
    @Flag(env = "DATA_DIR") String dataDir = StoreSettings.defaults().dataDir().toString();

    @Option(names = "--database-url", paramLabel = "URL", description = "PostgreSQL instead of H2: jdbc:postgresql://host/db or postgres://user:password@host/db")
    @Flag(env = "DATABASE_URL") String databaseUrl = StoreSettings.defaults().databaseUrl();

    @Option(names = "--retention-days", paramLabel = "DAYS", description = "saved runs not opened for this many days are deleted (0 = kept for ever)")
    @Flag(env = "RETENTION_DAYS", min = 0, max = 36_500) int retentionDays = StoreSettings.defaults().retentionDays();

    @Option(names = "--saves-per-minute", paramLabel = "N", description = "saves allowed per client address per minute")
    @Flag(env = "SAVES_PER_MINUTE", min = 1, max = 10_000) int savesPerMinute = StoreSettings.defaults().savesPerMinute();

    @Option(names = "--store-budget-mb", paramLabel = "MIB", description = "most MiB that saved runs and checkpoints may take together; beyond it the oldest unclaimed checkpoints go first, then saves are refused")
    @Flag(env = "STORE_BUDGET_MB", min = 16, max = 16 * 1024 * 1024) int storeBudgetMb = StoreSettings.defaults().budgetMb();

    @Option(names = "--max-students-per-room", paramLabel = "N", description = "students in one room")
    @Flag(env = "MAX_STUDENTS_PER_ROOM", min = 1, max = 10_000) int studentsPerRoom = RoomLimits.defaults().studentsPerRoom();

    @Option(names = "--max-rooms", paramLabel = "N", description = "rooms at once")
    @Flag(env = "MAX_ROOMS", min = 0, max = 10_000) int maxRooms = RoomLimits.defaults().maxRooms();

    @Option(names = "--resume-grace-seconds", paramLabel = "S", description = "how long a room student's run waits for them after their socket closed")
    @Flag(env = "RESUME_GRACE_SECONDS", min = 10, max = 86_400) int resumeGraceSeconds = (int) RoomLimits.defaults().grace().toSeconds();

    @Option(names = "--wrong-codes-per-minute", paramLabel = "N", description = "unknown room codes one address may try per minute")
    @Flag(env = "WRONG_CODES_PER_MINUTE", min = 1, max = 1000) int wrongCodesPerMinute = RoomLimits.defaults().wrongCodesPerMinute();

    @Option(names = "--rooms-per-hour", paramLabel = "N", description = "rooms one address may create per hour")
    @Flag(env = "ROOMS_PER_HOUR", min = 1, max = 10_000) int roomsPerHour = RoomLimits.defaults().roomsPerHour();

    @Option(names = "--replica-id", paramLabel = "NAME", description = "this server's name among several on one database (default: the host name)")
    @Flag(env = "REPLICA_ID") String replicaId = ClusterSettings.defaultReplicaId();

    @Option(names = "--checkpoint-seconds", paramLabel = "S", description = "how often a training run is checkpointed to the database")
    @Flag(env = "CHECKPOINT_SECONDS", min = 1, max = 3600) int checkpointSeconds = (int) ClusterSettings.defaults().checkpointEvery().toSeconds();

    @Option(names = "--trusted-proxies", paramLabel = "ADDRESSES", description = "load balancers whose X-Forwarded-For names the client, comma-separated addresses or networks")
    @Flag(env = "TRUSTED_PROXIES") String trustedProxies = "";

    @Option(names = "--public-url", paramLabel = "URL", description = "the address students open (https://playground.school.edu): pages from it may write; needed when the server is reached by a DNS name")
    @Flag(env = "PUBLIC_URL") String publicUrl = "";

    @Option(names = "--max-connections", paramLabel = "N", description = "TCP connections in all (HTTP keep-alive and both sockets), below the process's file limit")
    @Flag(env = "MAX_CONNECTIONS", min = 16, max = 1_000_000) int maxConnections = ConnectionBudget.defaultMax();

    @Option(names = "--max-connections-per-address", paramLabel = "N", description = "TCP connections from one client address (a class behind one NAT shares one)")
    @Flag(env = "MAX_CONNECTIONS_PER_ADDRESS", min = 1, max = 1_000_000) int maxConnectionsPerAddress = 2000;

    /** The longest the warm-up may hold the start back (a busy machine stops it early). */
    private static final long WARMUP_LIMIT_MILLIS = 3000;

    private final PrintStream out;

    public ServeCommand(PrintStream out) {
        this.out = out;
    }

    /** Starts the server and returns; SIGTERM (a rolling restart) drains it: every run checkpointed, sockets closed with 1012. */
    @Override
    public Integer call() {
        ServerConfig config = config();
        // the hot paths compiled before the port opens, so /health says ready only once they are
        out.println(Warmup.run(config.gridEvalSize(), WARMUP_LIMIT_MILLIS));
        PlaygroundServer server = PlaygroundServer.start(config);
        // printed, not logged: the JDK's logging is already shut down while the hooks run
        Runtime.getRuntime().addShutdownHook(new Thread(() -> out.println(server.drain()), "drain"));
        String shown = config.host().equals("0.0.0.0") ? "localhost" : config.host();
        out.println("Neural network playground on http://" + shown + ":" + server.port() + "/");
        return 0;
    }

    /**
     * The command line of {@code serve}: absent flags come from {@code env}, each flag's help names
     * its environment variable and range, and a value out of range is refused in plain words.
     */
    public static CommandLine commandLine(ServeCommand command, Map<String, String> env) {
        CommandLine line = new CommandLine(command);
        CommandSpec spec = line.getCommandSpec();
        for (OptionSpec option : List.copyOf(spec.options())) {
            Flag flag = flag(option);
            if (flag == null) continue;
            String[] help = option.description().clone();
            help[0] = help[0] + " [" + flag.env() + (flag.min() == Long.MIN_VALUE ? "" : ", " + flag.min() + ".." + flag.max()) + "]";
            spec.remove(option);
            spec.addOption(option.toBuilder().description(help).build());
        }
        line.setDefaultValueProvider(arg -> {
            Flag flag = flag(arg);
            return flag == null ? null : env.get(flag.env());
        });
        line.registerConverter(Integer.class, ServeCommand::wholeNumber);
        line.registerConverter(int.class, ServeCommand::wholeNumber);
        return line;
    }

    /** The settings given by {@code args} over {@code env} over the defaults (no server is started). */
    public static ServerConfig parse(String[] args, Map<String, String> env) {
        ServeCommand command = new ServeCommand(System.out);
        CommandLine line = commandLine(command, env);
        try {
            line.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return command.config();
    }

    /** The settings these flags say, each whole number checked against its range. */
    public ServerConfig config() {
        for (Field field : ServeCommand.class.getDeclaredFields()) {
            Flag flag = field.getAnnotation(Flag.class);
            if (flag == null || field.getType() != int.class) continue;
            int value;
            try {
                value = field.getInt(this);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
            if (value < flag.min() || value > flag.max()) {
                String name = field.getAnnotation(Option.class).names()[0];
                throw new IllegalArgumentException(name + " must be in " + flag.min() + ".." + flag.max() + " (got " + value + ")");
            }
        }
        if (gridEvalSize % 10 != 0) throw new IllegalArgumentException("--grid-eval-size must be a multiple of 10");
        if (!frameAncestors.matches("[\\w\\s'*:/.\\-]+")) {
            throw new IllegalArgumentException("--frame-ancestors takes CSP sources, e.g. 'self' https://lms.example.edu");
        }
        return new ServerConfig(host, port, maxSessions, maxSessionsPerAddress, framesPerSecond, workers, gridEvalSize,
                maxMessageBytes, ServerConfig.INLINE_CSV_BYTES, messagesPerSecond, Duration.ofSeconds(idleTimeoutSeconds),
                origins(allowedOrigins), frameAncestors, Duration.ofSeconds(stallTimeoutSeconds),
                new StoreSettings(Path.of(dataDir), databaseUrl, retentionDays, savesPerMinute, StoreSettings.DEFAULT_MAX_RUN_BYTES, storeBudgetMb),
                new RoomLimits(studentsPerRoom, maxRooms, Duration.ofSeconds(resumeGraceSeconds), wrongCodesPerMinute, roomsPerHour),
                new ClusterSettings(replicaId, Duration.ofSeconds(checkpointSeconds)),
                ClientAddress.parseList(trustedProxies),
                publicUrl(publicUrl), maxConnections, maxConnectionsPerAddress);
    }

    /** The public URL, checked to be http(s)://host; null when none is given. */
    private static String publicUrl(String url) {
        if (url == null || url.isBlank()) return null;
        OriginPolicy.originOf(url); // refuses a URL that is not http(s)://host
        return url;
    }

    private static Flag flag(ArgSpec arg) {
        return arg.userObject() instanceof Field field ? field.getAnnotation(Flag.class) : null;
    }

    private static Integer wholeNumber(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("must be a whole number (got '" + text + "')");
        }
    }

    /** A comma-separated list of origins ("https://lms.example.edu,https://other.org"), or "*". */
    private static List<String> origins(String list) {
        List<String> out = new ArrayList<>();
        for (String o : list.split(",")) {
            String t = o.trim();
            if (t.isEmpty()) continue;
            if (!t.equals("*") && !t.matches("https?://[^/\\s]+")) {
                throw new IllegalArgumentException("--allowed-origins takes origins like https://lms.example.edu (got '" + t + "')");
            }
            out.add(t.toLowerCase(Locale.ROOT));
        }
        return List.copyOf(out);
    }
}
