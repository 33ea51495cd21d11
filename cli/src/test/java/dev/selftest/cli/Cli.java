package dev.selftest.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the CLI in this JVM as {@code main} would, capturing what it prints. */
final class Cli {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private Map<String, String> environment = Map.of("SELFTEST_TOKEN", Instances.TOKEN);
    private boolean terminal;

    Cli environment(Map<String, String> variables) {
        this.environment = variables;
        return this;
    }

    Cli terminal() {
        this.terminal = true;
        return this;
    }

    int run(String... args) {
        return SelftestCli.execute(args, environment, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), terminal);
    }

    /** {@code run} plus one {@code --url} per instance. */
    int run(List<String> urls, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        urls.forEach(url -> {
            all.add("--url");
            all.add(url);
        });
        return run(all.toArray(String[]::new));
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
