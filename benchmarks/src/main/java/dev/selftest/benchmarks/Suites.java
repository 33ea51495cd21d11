package dev.selftest.benchmarks;

import dev.selftest.Run;
import dev.selftest.RunRequest;
import dev.selftest.Safety;
import dev.selftest.Scenario;
import dev.selftest.Selftest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Generated suites of trivial scenarios, and a Selftest that runs them as often as a benchmark asks. */
public final class Suites {
    private Suites() {
    }

    /**
     * {@code count} scenarios with two steps each; every tenth fails with an assertion message, so reports carry
     * failures as real ones do.
     */
    public static List<Scenario> trivial(int count) {
        List<Scenario> scenarios = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            boolean fails = i % 10 == 9;
            scenarios.add(Scenario.builder(String.format("orders.check-%04d", i))
                    .description("Trivial check number " + i)
                    .tags(i % 2 == 0 ? "smoke" : "regression", "orders")
                    .safety(Safety.READ_ONLY)
                    .body(context -> {
                        context.step("call the service", () -> { });
                        context.step("compare the answer", () -> {
                            if (fails) {
                                throw new AssertionError("expected 3 orders, found 2");
                            }
                        });
                    })
                    .build());
        }
        return scenarios;
    }

    /** A Selftest for benchmarks: no rate limit on runs, the benchmark token, a short history. */
    public static Selftest.Builder selftest(List<Scenario> scenarios) {
        return Selftest.builder().environment("bench").token(Requests.TOKEN)
                .setting("selftest.runner.max-runs-per-minute", "100000")
                .setting("selftest.history.size", "10")
                .scenarios(scenarios);
    }

    /** Runs every scenario once and returns the finished run. */
    public static Run runAll(Selftest selftest) throws InterruptedException {
        Run run = selftest.run(RunRequest.all(), Duration.ofMinutes(5));
        if (!run.status().isFinished()) {
            throw new IllegalStateException("run " + run.id() + " did not finish within 5 minutes");
        }
        return run;
    }
}
