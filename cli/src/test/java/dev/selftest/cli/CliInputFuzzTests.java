package dev.selftest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Thousands of generated command lines that no person should type: the CLI always ends with exit code 2 and a
 * message, never a stack trace, and never mistakes nonsense for a verdict.
 */
class CliInputFuzzTests {
    private static final List<String> COMMANDS = List.of("run", "list", "health", "cleanup", "", "runn", "--version");
    private static final List<String> OPTIONS = List.of("--url", "--targets-file", "--tags", "--scenario",
            "--trigger", "--label", "--timeout", "--junit-xml", "--json", "--token-env", "--token-file", "--progress",
            "--nope", "-x", "--", "--url=", "--timeout=", "--label=");
    private static final List<String> VALUES = List.of("not-a-url", "ftp://example/selftest", "http://", "http://[::1",
            "http://127.0.0.1:0/selftest", "://", "10m", "-5s", "forever", "0", "PT", "99999999999999h", "k=v", "=v",
            "k=", "novalue", "smoke & (", "deploy", "cron", "live", "sometimes", "/nonexistent/dir/file.json",
            "\u0000", "\u00e9\u00e8\u2603", "x".repeat(5000), "", " ", "--help", "NO_SUCH_VARIABLE");

    @Test
    void nonsenseCommandLinesEndWithExitCodeTwoAndAMessage() {
        Random random = new Random(20261123);
        for (int i = 0; i < 3000; i++) {
            List<String> args = new ArrayList<>();
            String command = COMMANDS.get(random.nextInt(COMMANDS.size()));
            if (!command.isEmpty()) {
                args.add(command);
            }
            for (int j = random.nextInt(6); j > 0; j--) {
                args.add(OPTIONS.get(random.nextInt(OPTIONS.size())));
                if (random.nextInt(4) > 0) {
                    args.add(VALUES.get(random.nextInt(VALUES.size())));
                }
            }
            Cli cli = new Cli().environment(Map.of());
            int exit = cli.run(args.toArray(String[]::new));

            String all = cli.out() + cli.err();
            assertThat(exit).as("exit code of %s", args).isIn(0, 2);
            if (exit == 2) {
                assertThat(cli.err()).as("message for %s", args).isNotBlank();
            }
            assertThat(all).as("output of %s", args).doesNotContain("\tat ", "Exception in thread");
        }
    }
}
