package dev.selftest.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.selftest.cli.client.CliException;
import dev.selftest.cli.client.ControlClient;
import dev.selftest.cli.client.Credentials;
import dev.selftest.cli.client.Target;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.apiguardian.api.API;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code selftest} command: the pipeline client of Selftest's control API.
 *
 * <p>Exit codes: 0 every instance passed, 1 a scenario failed or a run timed out on some instance, 2 the CLI could
 * not tell (usage, connection, authorisation or server error).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@Command(name = "selftest", mixinStandardHelpOptions = true, versionProvider = SelftestCli.Version.class,
        subcommands = {RunCommand.class, ListCommand.class, HealthCommand.class, CleanupCommand.class,
            CommandLine.HelpCommand.class},
        description = {"Runs a service's self-tests through its Selftest control API, on one or many instances.",
            "", "The token comes from $SELFTEST_TOKEN (or --token-env VAR, or --token-file FILE), never from an "
                    + "argument."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every instance passed", "1:a scenario failed or a run timed out on some instance",
            "2:could not tell: usage, connection, authorisation or server error"})
public final class SelftestCli implements Runnable {
    /** Every check passed. */
    public static final int PASSED = 0;
    /** A check failed or timed out. */
    public static final int FAILED = 1;
    /** No verdict: usage, connection, authorisation or server error. */
    public static final int ERROR = 2;

    final Map<String, String> environment;
    final PrintStream out;
    final PrintStream err;
    final boolean terminal;
    final ObjectMapper json = new ObjectMapper();
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private SelftestCli(Map<String, String> environment, PrintStream out, PrintStream err, boolean terminal) {
        this.environment = Map.copyOf(environment);
        this.out = out;
        this.err = err;
        this.terminal = terminal;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(execute(args, System.getenv(), out, err, isTerminal()));
    }

    /**
     * Runs the command line as {@code main} would, without exiting.
     *
     * @param environment where {@code --token-env} variables are read
     * @param terminal    whether {@code out} is a terminal (live progress) or a log (plain lines)
     * @return the exit code
     */
    public static int execute(String[] args, Map<String, String> environment, PrintStream out, PrintStream err,
                              boolean terminal) {
        CommandLine commandLine = new CommandLine(new SelftestCli(environment, out, err, terminal));
        commandLine.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        commandLine.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        commandLine.setUsageHelpAutoWidth(terminal);
        commandLine.setExecutionExceptionHandler((exception, failed, parsed) -> {
            if (exception instanceof CliException || exception instanceof IllegalArgumentException) {
                err.println("selftest: " + exception.getMessage());
                return ERROR;
            }
            throw exception;
        });
        return commandLine.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "say what to do: selftest run, list, health or cleanup (selftest --help tells more)");
    }

    ControlClient client(Target target, Credentials credentials, Consumer<String> onRetry) {
        return new ControlClient(target, credentials, http, json, onRetry);
    }

    /** On JDK 22+ {@code System.console()} exists even when redirected; {@code Console.isTerminal()} tells. */
    private static boolean isTerminal() {
        java.io.Console console = System.console();
        if (console == null || "dumb".equals(System.getenv("TERM")) || System.getenv("CI") != null) {
            return false;
        }
        try {
            Method isTerminal = java.io.Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = SelftestCli.class.getPackage().getImplementationVersion();
            return new String[] {"selftest-cli " + (version == null ? "(development build)" : version)};
        }
    }
}
