package dev.selftest.cli;

import dev.selftest.cli.client.CliException;
import dev.selftest.cli.client.ControlClient;
import dev.selftest.cli.client.Credentials;
import dev.selftest.cli.client.Deadline;
import dev.selftest.cli.client.Target;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * A command asked of every instance at once; answers are printed in the order the instances were given. The worst
 * exit code wins, and an error on one instance does not stop the others.
 */
abstract class InstanceCommand implements Callable<Integer> {

    @ParentCommand
    SelftestCli cli;

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30s", converter = DurationConverter.class,
            description = {"How long to wait for each instance, including retries (default: ${DEFAULT-VALUE})."})
    Duration timeout = Duration.ofSeconds(30);

    /** What one instance answered: its exit code, and what to print for it. */
    private record Answer(int exitCode, String out, String err) {
    }

    @Override
    public Integer call() {
        List<Target> targets = connection.targets();
        Credentials credentials = connection.credentials(cli.environment);
        Deadline deadline = Deadline.in(timeout);
        ExecutorService pool = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "selftest-instance");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<CompletableFuture<Answer>> answers = targets.stream()
                    .map(target -> CompletableFuture.supplyAsync(() -> ask(target, credentials, deadline), pool))
                    .toList();
            int exitCode = SelftestCli.PASSED;
            for (int i = 0; i < targets.size(); i++) {
                Answer answer = answers.get(i).join();
                if (targets.size() > 1) {
                    cli.out.println("== " + targets.get(i).label());
                }
                cli.out.print(answer.out());
                cli.err.print(answer.err());
                exitCode = Math.max(exitCode, answer.exitCode());
            }
            cli.out.flush();
            return exitCode;
        } finally {
            pool.shutdownNow();
        }
    }

    private Answer ask(Target target, Credentials credentials, Deadline deadline) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
        ControlClient client = cli.client(target, credentials,
                why -> errors.println("[" + target.label() + "] " + why));
        int exitCode;
        try {
            exitCode = handle(client, deadline, new PrintStream(out, true, StandardCharsets.UTF_8));
        } catch (CliException e) {
            errors.println("selftest: " + target.label() + ": " + e.getMessage());
            exitCode = SelftestCli.ERROR;
        }
        return new Answer(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Asks one instance and prints the answer to {@code out}; returns the exit code for it. */
    abstract int handle(ControlClient client, Deadline deadline, PrintStream out);
}
