package dev.selftest.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selftest.Outcome;
import dev.selftest.ScenarioResult;
import dev.selftest.Selftest;
import dev.selftest.StepResult;
import dev.selftest.junit.fixtures.Observations;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * JUnit settings that would harm a live service are off for bridged runs, even when the application's
 * configuration (here: system properties, which JUnit reads as configuration parameters) turns them on.
 */
class ServiceSafeExecutionTests {
    private static final Map<String, String> HARMFUL = Map.of(
            "junit.platform.output.capture.stdout", "true",
            "junit.jupiter.execution.parallel.enabled", "true",
            "junit.jupiter.execution.parallel.mode.default", "concurrent");

    @BeforeEach
    void turnHarmfulSettingsOn() {
        Observations.clear();
        HARMFUL.forEach(System::setProperty);
    }

    @AfterEach
    void turnThemOff() {
        HARMFUL.keySet().forEach(System::clearProperty);
    }

    @Test
    void testsRunOnTheScenarioThreadWithoutCapturingTheServicesOutput() throws InterruptedException {
        try (Selftest selftest = BridgedRuns.selftest(JUnitScenarios.builder()
                .packages("dev.selftest.junit.fixtures.output").discover())) {
            ScenarioResult result = BridgedRuns.runOne(selftest,
                    "dev.selftest.junit.fixtures.output.PrintingChecks");

            assertThat(result.outcome()).isEqualTo(Outcome.PASSED);
            assertThat(result.steps()).extracting(StepResult::name).containsExactly("printsToStandardOut()");
            assertThat(Observations.events()).singleElement().asString()
                    .startsWith("ran on selftest-dev.selftest.junit.fixtures.output.PrintingChecks");
        }
    }
}
