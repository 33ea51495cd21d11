package dev.selftest.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selftest.Outcome;
import dev.selftest.Run;
import dev.selftest.RunRequest;
import dev.selftest.Selftest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The bridge keeps one launcher session for all runs; two runs execute through it at the same time. */
class ConcurrentRunsTests {
    private static final String MEETING = "dev.selftest.junit.fixtures.concurrent.MeetingChecks";

    @Test
    void twoRunsExecuteTestsThroughTheBridgeAtOnce() throws InterruptedException {
        try (Selftest selftest = BridgedRuns.selftest(JUnitScenarios.builder()
                .packages("dev.selftest.junit.fixtures.concurrent").granularity(Granularity.METHOD).discover())) {
            Run first = selftest.start(RunRequest.builder().scenarios(MEETING + "#meetsTheOtherTest").build());
            Run second = selftest.start(RunRequest.builder().scenarios(MEETING + "#meetsTheFirstTest").build());

            for (Run started : new Run[] {first, second}) {
                Run run = selftest.await(started.id(), Duration.ofSeconds(20)).orElseThrow();
                assertThat(run.results()).singleElement().satisfies(result ->
                        assertThat(result.outcome()).as(String.valueOf(result.failure())).isEqualTo(Outcome.PASSED));
            }
        }
    }
}
