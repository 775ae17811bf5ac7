package org.nnplayground.playground;

import org.nnplayground.playground.session.Warmup;
import org.nnplayground.playground.web.PlaygroundServer;
import org.nnplayground.playground.web.ServerConfig;

/** The {@code serve} command: reads the server settings and runs until the process is stopped. */
final class Serve {
    private Serve() {}

    /** What {@code serve --help} prints: every flag is also an environment variable, all in the README's table. */
    static final String USAGE = """
            Usage: java -jar playground.jar [serve] [--port N] [--host ADDRESS] [--data-dir DIR] [--FLAG VALUE ...]
            Starts the playground server (http://localhost:8080/ by default) and runs until stopped.
            Each flag can also be given as an environment variable (--max-sessions 300 or MAX_SESSIONS=300;
            flags win). Every flag, its default and what it is for: README.md, section "Configuration"
            (sessions and rates, origins and framing, the saved-runs database, class rooms).
            Other commands: java -jar playground.jar --help""";

    /** The longest the warm-up may hold the start back (a busy machine stops it early). */
    private static final long WARMUP_LIMIT_MILLIS = 3000;

    static void run(String[] args) {
        if (java.util.Arrays.asList(args).contains("--help") || java.util.Arrays.asList(args).contains("-h")) {
            System.out.println(USAGE);
            return;
        }
        ServerConfig config = ServerConfig.from(args, System.getenv());
        // the hot paths compiled before the port opens, so /health says ready only once they are
        System.out.println(Warmup.run(config.gridEvalSize(), WARMUP_LIMIT_MILLIS));
        PlaygroundServer server = PlaygroundServer.start(config);
        // SIGTERM (a rolling restart): drain, checkpointing every run, then close sockets with 1012 and stop
        // (printed, not logged: the JDK's logging is already shut down while the hooks run)
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println(server.drain()), "drain"));
        String host = config.host().equals("0.0.0.0") ? "localhost" : config.host();
        System.out.println("Neural network playground on http://" + host + ":" + server.port() + "/");
    }
}
