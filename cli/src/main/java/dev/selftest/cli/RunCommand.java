package dev.selftest.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.selftest.cli.client.ControlClient;
import dev.selftest.cli.client.Credentials;
import dev.selftest.cli.client.Deadline;
import dev.selftest.cli.client.Target;
import dev.selftest.cli.run.FanOut;
import dev.selftest.cli.run.InstanceResult;
import dev.selftest.cli.run.Progress;
import dev.selftest.cli.run.RunReports;
import dev.selftest.cli.run.Verdict;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code selftest run}: the post-deployment gate. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs a selection of scenarios on every instance at once, follows them live, prints a "
                + "summary, and exits 0 when all passed, 1 when any failed or timed out, 2 when it could not tell.",
            "", "Instances that refuse connections or answer 429/503 (still starting) are retried with backoff "
                    + "until --timeout. A run still going at --timeout is cancelled (its cleanup still runs)."},
        footerHeading = "%nExamples:%n",
        footer = {"  selftest run --url https://orders.internal/selftest --tags smoke \\",
            "      --label commit=$GIT_SHA --junit-xml build/selftest",
            "  selftest run --url http://canary:8080 --url http://stable:8080 --timeout 5m"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every instance passed", "1:a scenario failed or a run timed out on some instance",
            "2:could not tell: usage, connection, authorisation or server error"})
final class RunCommand implements Callable<Integer> {
    private static final Set<String> TRIGGERS = Set.of("ci", "deploy", "schedule", "manual");

    @ParentCommand
    private SelftestCli cli;

    @Mixin
    private ConnectionOptions connection = new ConnectionOptions();

    @Option(names = "--tags", paramLabel = "EXPR", description = {
        "A JUnit 5 tag expression, such as 'smoke & !slow'. With --scenario: those ids that also match."})
    private @Nullable String tags;

    @Option(names = "--scenario", paramLabel = "ID", description = {
        "A scenario id to run; repeatable. Neither --scenario nor --tags: every scenario the environment allows."})
    private List<String> scenarios = new ArrayList<>();

    @Option(names = "--trigger", paramLabel = "TRIGGER", defaultValue = "deploy", description = {
        "Why the run happens: ci, deploy, schedule or manual (default: ${DEFAULT-VALUE})."})
    private String trigger = "deploy";

    @Option(names = "--label", paramLabel = "KEY=VALUE", description = {
        "A label stored with the run and its reports, such as commit=abc123 or pipeline=42; repeatable."})
    private Map<String, String> labels = new LinkedHashMap<>();

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10m", converter = DurationConverter.class,
            description = {"How long to wait for every instance, including retries while it starts "
                    + "(default: ${DEFAULT-VALUE}); 30s, 5m, 1h."})
    private Duration timeout = Duration.ofMinutes(10);

    @Option(names = "--junit-xml", paramLabel = "DIR", description = {
        "Writes one JUnit XML report per instance to DIR (TEST-selftest-<instance>.xml), for Jenkins, GitLab and "
                + "GitHub test reporters."})
    private @Nullable Path junitDirectory;

    @Option(names = "--json", paramLabel = "FILE", description = {
        "Writes every instance's verdict and full run as JSON to FILE."})
    private @Nullable Path jsonFile;

    @Option(names = "--progress", paramLabel = "MODE", defaultValue = "auto", description = {
        "auto (live lines in a terminal, plain lines otherwise), live or plain (default: ${DEFAULT-VALUE})."})
    private String progressMode = "auto";

    @Override
    public Integer call() throws IOException {
        if (!TRIGGERS.contains(trigger)) {
            throw new IllegalArgumentException("--trigger must be one of ci, deploy, schedule, manual; was '"
                    + trigger + "'");
        }
        List<Target> targets = connection.targets();
        Credentials credentials = connection.credentials(cli.environment);
        Deadline deadline = Deadline.in(timeout);
        List<InstanceResult> results;
        try (Progress progress = progress(targets)) {
            List<ControlClient> clients = targets.stream()
                    .map(target -> cli.client(target, credentials, why -> progress.notice(target, why))).toList();
            results = FanOut.run(clients, selection(), progress, deadline, cli.json);
        }
        RunReports.summary(results, cli.out);
        if (junitDirectory != null) {
            RunReports.writeJUnit(results, junitDirectory);
        }
        if (jsonFile != null) {
            RunReports.writeJson(results, jsonFile, cli.json);
        }
        return Verdict.exitCode(results.stream().map(InstanceResult::verdict).toList());
    }

    private Progress progress(List<Target> targets) {
        boolean live = switch (progressMode) {
            case "auto" -> cli.terminal;
            case "live" -> true;
            case "plain" -> false;
            default -> throw new IllegalArgumentException("--progress must be auto, live or plain; was '"
                    + progressMode + "'");
        };
        return live ? Progress.live(cli.out, targets) : Progress.plain(cli.out);
    }

    private ObjectNode selection() {
        ObjectNode body = cli.json.createObjectNode();
        if (!scenarios.isEmpty()) {
            scenarios.forEach(body.putArray("scenarios")::add);
        }
        if (tags != null && !tags.isBlank()) {
            body.put("tags", tags);
        }
        body.put("trigger", trigger);
        if (!labels.isEmpty()) {
            ObjectNode node = body.putObject("labels");
            labels.forEach(node::put);
        }
        return body;
    }
}
