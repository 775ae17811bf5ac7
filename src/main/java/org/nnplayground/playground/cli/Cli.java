package org.nnplayground.playground.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nnplayground.playground.web.ServeCommand;
import picocli.CommandLine;

/**
 * The headless commands, parsed by picocli: every command has {@code --help} and usage text made
 * from its own annotations (no hand-kept usage). To add a command: write a class with
 * {@code @Command(name = ..., mixinStandardHelpOptions = true)} implementing {@link Callable}, and
 * add one line to {@link #commands}.
 */
public final class Cli {
    private Cli() {}

    /** Every headless command, in the order {@code help} lists them. */
    static List<Object> commands(PrintStream out, PrintStream err) {
        return List.of(
                new TrainCommand(out, err),
                new SummaryCommand(out, err),
                new BenchCommand(out, err),
                new ExportCommand(out, err),
                new SweepCommand(out, err));
    }

    /**
     * Runs {@code args} (command name first). Usage errors throw IllegalArgumentException with the
     * command's usage; {@code --help} prints the usage to {@code out}.
     */
    public static void run(String[] args, PrintStream out, PrintStream err) throws Exception {
        run(args, System.getenv(), out, err);
    }

    /** As {@link #run(String[], PrintStream, PrintStream)}, with {@code env} for the server's flags' environment variables. */
    public static void run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) throws Exception {
        CommandLine root = root(env, out, err);
        CommandLine.ParseResult parsed;
        try {
            parsed = root.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException(e.getMessage() + "\n" + e.getCommandLine().getUsageMessage());
        }
        if (CommandLine.printHelpIfRequested(parsed)) {
            root.getOut().flush();
            for (CommandLine sub : root.getSubcommands().values()) sub.getOut().flush();
            return;
        }
        CommandLine.ParseResult sub = parsed.subcommand();
        if (sub == null) {
            out.print(root.getUsageMessage());
            return;
        }
        if (sub.commandSpec().userObject() instanceof Callable<?> command) command.call();
    }

    /** Runs one command object with its arguments (for tests and the command classes' run methods). */
    static void run(Object command, String[] args, PrintStream out, PrintStream err) throws Exception {
        CommandLine line = new CommandLine(command);
        PrintWriter usage = new PrintWriter(out, true);
        line.setOut(usage);
        line.setErr(new PrintWriter(err, true));
        CommandLine.ParseResult parsed;
        try {
            parsed = line.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException(e.getMessage() + "\n" + line.getUsageMessage());
        }
        if (CommandLine.printHelpIfRequested(parsed)) {
            usage.flush();
            return;
        }
        ((Callable<?>) command).call();
    }

    static CommandLine root(Map<String, String> env, PrintStream out, PrintStream err) {
        CommandLine root = new CommandLine(new Root());
        root.addSubcommand(ServeCommand.commandLine(new ServeCommand(out), env));
        for (Object command : commands(out, err)) root.addSubcommand(command);
        root.addSubcommand(new CommandLine.HelpCommand());
        root.setOut(new PrintWriter(out, true));
        root.setErr(new PrintWriter(err, true));
        return root;
    }

    /** {@code -V}: the jar's version (its manifest's Implementation-Version). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Cli.class.getPackage().getImplementationVersion();
            return new String[] {"playground " + (version == null ? "(development build)" : version)};
        }
    }

    @CommandLine.Command(name = "java -jar playground.jar", mixinStandardHelpOptions = true, versionProvider = Version.class,
            description = {"A neural network playground. With no command, or with only serve's flags",
                    "(java -jar playground.jar --port 9000), it serves; the other commands run headless:"})
    static final class Root { }
}
