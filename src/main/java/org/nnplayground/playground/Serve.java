package org.nnplayground.playground;

import org.nnplayground.playground.web.PlaygroundServer;
import org.nnplayground.playground.web.ServerConfig;

/** The {@code serve} command: reads the server settings and runs until the process is stopped. */
final class Serve {
    private Serve() {}

    static void run(String[] args) {
        ServerConfig config = ServerConfig.from(args, System.getenv());
        PlaygroundServer server = PlaygroundServer.start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "shutdown"));
        String host = config.host().equals("0.0.0.0") ? "localhost" : config.host();
        System.out.println("Neural network playground on http://" + host + ":" + server.port() + "/");
    }
}
