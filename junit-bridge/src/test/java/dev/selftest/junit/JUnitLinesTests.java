package dev.selftest.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.selftest.Outcome;
import dev.selftest.Run;
import dev.selftest.RunRequest;
import dev.selftest.ScenarioResult;
import dev.selftest.Selftest;
import dev.selftest.StepResult;
import dev.selftest.junit.fixtures.Observations;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIf;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * What differs between JUnit 5 and 6: how a scenario that runs out of time or is cancelled is stopped. The module's build runs these
 * tests on JUnit 6 and, with {@code -Pjunit5}, on JUnit 5.
 */
class JUnitLinesTests {
    private static final String HANGING = "dev.selftest.junit.fixtures.timeout.HangingChecks";

    @BeforeEach
    void clearObservations() {
        Observations.clear();
    }

    @Test
    void runsOnTheJUnitVersionTheBuildSelected() {
        assertThat(Test.class.getPackage().getImplementationVersion())
                .isEqualTo(System.getProperty("selftest.test.junit-version"));
    }

    @Test
    @EnabledIf("junit6")
    void timeoutCancelsTheRemainingTestsThroughTheCancellationToken() throws InterruptedException {
        ScenarioResult result = runHangingChecks();

        assertThat(result.outcome()).isEqualTo(Outcome.TIMED_OUT);
        assertThat(result.failure().message()).doesNotContain("abandoned");
        assertThat(Observations.events()).containsExactly("first test started");
        assertThat(result.steps()).extracting(StepResult::name, StepResult::outcome).containsExactly(
                tuple("hangs()", Outcome.ERRORED),
                tuple("wouldHangToo()", Outcome.CANCELLED));
    }

    @Test
    @DisabledIf("junit6")
    void timeoutInterruptsEveryRemainingTestOnJUnit5() throws InterruptedException {
        ScenarioResult result = runHangingChecks();

        assertThat(result.outcome()).isEqualTo(Outcome.TIMED_OUT);
        assertThat(result.failure().message()).doesNotContain("abandoned");
        assertThat(Observations.events()).containsExactly("first test started", "second test started");
        assertThat(result.steps()).extracting(StepResult::name, StepResult::outcome).containsExactly(
                tuple("hangs()", Outcome.ERRORED),
                tuple("wouldHangToo()", Outcome.ERRORED));
    }

    @Test
    void cancellingTheRunStopsTheRunningTestAndEndsTheScenarioCancelled() throws InterruptedException {
        try (Selftest selftest = BridgedRuns.selftest(JUnitScenarios.builder()
                .packages("dev.selftest.junit.fixtures.timeout").discover())) {
            Run started = selftest.start(RunRequest.builder().scenarios(HANGING).build());
            await().atMost(Duration.ofSeconds(10)).until(() -> Observations.events().contains("first test started"));

            selftest.cancel(started.id());

            Run run = selftest.await(started.id(), Duration.ofSeconds(10)).orElseThrow();
            ScenarioResult result = run.results().get(0);
            assertThat(result.outcome()).isEqualTo(Outcome.CANCELLED);
            assertThat(result.failure().message()).doesNotContain("abandoned");
            assertThat(result.steps()).extracting(StepResult::name, StepResult::outcome).containsExactly(
                    tuple("hangs()", Outcome.ERRORED),
                    tuple("wouldHangToo()", junit6() ? Outcome.CANCELLED : Outcome.ERRORED));
        }
    }

    private static ScenarioResult runHangingChecks() throws InterruptedException {
        try (Selftest selftest = BridgedRuns.selftest(JUnitScenarios.builder()
                .packages("dev.selftest.junit.fixtures.timeout").timeout(Duration.ofMillis(300)).discover())) {
            return BridgedRuns.runOne(selftest, HANGING);
        }
    }

    static boolean junit6() {
        return Test.class.getPackage().getImplementationVersion().startsWith("6.");
    }
}
