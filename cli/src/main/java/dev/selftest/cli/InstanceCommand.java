package dev.selftest.cli;

import dev.selftest.cli.client.CliException;
import dev.selftest.cli.client.ControlClient;
import dev.selftest.cli.client.Credentials;
import dev.selftest.cli.client.Deadline;
import dev.selftest.cli.client.Target;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** A command asked of each instance in turn; the worst exit code wins, and an error on one does not stop the rest. */
abstract class InstanceCommand implements Callable<Integer> {

    @ParentCommand
    SelftestCli cli;

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30s", converter = DurationConverter.class,
            description = {"How long to wait for all instances, including retries (default: ${DEFAULT-VALUE})."})
    Duration timeout = Duration.ofSeconds(30);

    @Override
    public Integer call() {
        List<Target> targets = connection.targets();
        Credentials credentials = connection.credentials(cli.environment);
        Deadline deadline = Deadline.in(timeout);
        int exitCode = SelftestCli.PASSED;
        for (Target target : targets) {
            ControlClient client = cli.client(target, credentials,
                    why -> cli.err.println("[" + target.label() + "] " + why));
            if (targets.size() > 1) {
                cli.out.println("== " + target.label());
            }
            try {
                exitCode = Math.max(exitCode, handle(client, deadline));
            } catch (CliException e) {
                cli.err.println("selftest: " + target.label() + ": " + e.getMessage());
                exitCode = SelftestCli.ERROR;
            }
        }
        cli.out.flush();
        return exitCode;
    }

    /** Asks one instance and prints the answer; returns the exit code for it. */
    abstract int handle(ControlClient client, Deadline deadline);
}
