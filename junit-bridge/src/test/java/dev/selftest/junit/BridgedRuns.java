package dev.selftest.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selftest.Run;
import dev.selftest.RunRequest;
import dev.selftest.Scenario;
import dev.selftest.ScenarioResult;
import dev.selftest.Selftest;
import java.time.Duration;
import java.util.List;

/** Runs bridged scenarios through a real {@link Selftest}. */
final class BridgedRuns {
    private BridgedRuns() {
    }

    static Selftest selftest(List<Scenario> scenarios) {
        return Selftest.builder().environment("staging").scenarios(scenarios).build();
    }

    /** Runs one scenario to its end and returns its result. */
    static ScenarioResult runOne(Selftest selftest, String scenarioId) throws InterruptedException {
        Run run = selftest.run(RunRequest.builder().scenarios(scenarioId).build(), Duration.ofSeconds(30));
        assertThat(run.finishedAt()).as("run finished").isNotNull();
        assertThat(run.results()).hasSize(1);
        return run.results().get(0);
    }
}
