package dev.selftest.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.selftest.Outcome;
import dev.selftest.ScenarioResult;
import dev.selftest.Selftest;
import dev.selftest.StepResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OutcomeMappingTests {
    private static final String CHECKS = "dev.selftest.junit.fixtures.outcomes.OutcomeChecks";
    private static Selftest methods;
    private static Selftest classes;

    @BeforeAll
    static void discover() {
        methods = BridgedRuns.selftest(JUnitScenarios.builder().packages("dev.selftest.junit.fixtures.outcomes")
                .granularity(Granularity.METHOD).discover());
        classes = BridgedRuns.selftest(JUnitScenarios.builder().packages("dev.selftest.junit.fixtures.outcomes")
                .discover());
    }

    @AfterAll
    static void close() {
        methods.close();
        classes.close();
    }

    @Test
    void passingTestPasses() throws InterruptedException {
        ScenarioResult result = run("passes");

        assertThat(result.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(result.failure()).isNull();
        assertThat(result.steps()).extracting(StepResult::name, StepResult::outcome)
                .containsExactly(tuple("passes()", Outcome.PASSED));
    }

    @Test
    void failedAssertionFailsWithTheAssertionMessage() throws InterruptedException {
        ScenarioResult result = run("failsAnAssertion");

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.failure().message())
                .isEqualTo("failsAnAssertion(): products listed ==> expected: <3> but was: <2>");
        assertThat(result.steps()).extracting(StepResult::outcome, StepResult::message)
                .containsExactly(tuple(Outcome.FAILED, "products listed ==> expected: <3> but was: <2>"));
    }

    @Test
    void exceptionOtherThanAnAssertionErrorsWithItsTypeAndMessage() throws InterruptedException {
        ScenarioResult result = run("throwsAnError");

        assertThat(result.outcome()).isEqualTo(Outcome.ERRORED);
        assertThat(result.failure().message())
                .isEqualTo("throwsAnError(): IllegalStateException: catalogue database is down");
    }

    @Test
    void junitTimeoutIsATimedOutStepAndErrorsTheScenario() throws InterruptedException {
        ScenarioResult result = run("exceedsItsJUnitTimeout");

        assertThat(result.outcome()).isEqualTo(Outcome.ERRORED);
        assertThat(result.steps()).extracting(StepResult::outcome).containsExactly(Outcome.TIMED_OUT);
        assertThat(result.failure().message()).startsWith("exceedsItsJUnitTimeout(): TimeoutException: ");
    }

    @Test
    void failingClassSetupIsAStepAndErrorsTheScenario() throws InterruptedException {
        ScenarioResult result = BridgedRuns.runOne(classes, "dev.selftest.junit.fixtures.outcomes.BrokenSetupChecks");

        assertThat(result.outcome()).isEqualTo(Outcome.ERRORED);
        assertThat(result.failure().message())
                .isEqualTo("BrokenSetupChecks: IllegalStateException: no database connection");
        assertThat(result.steps()).extracting(StepResult::name, StepResult::outcome)
                .containsExactly(tuple("BrokenSetupChecks", Outcome.ERRORED));
    }

    @Test
    void failedAssumptionSkipsWithItsMessage() throws InterruptedException {
        ScenarioResult result = run("isAbortedByAnAssumption");

        assertThat(result.outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(result.failure().message()).contains("no test account in this environment");
        assertThat(result.steps()).extracting(StepResult::outcome).containsExactly(Outcome.SKIPPED);
    }

    @Test
    void disabledTestSkipsWithItsReason() throws InterruptedException {
        ScenarioResult result = run("isDisabled");

        assertThat(result.outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(result.failure().message()).contains("waits for the new checkout");
    }

    @Test
    void everyParameterizedInvocationIsAStep() throws InterruptedException {
        ScenarioResult result = run("isParameterized");

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.steps()).hasSize(3).allSatisfy(step ->
                assertThat(step.name()).startsWith("isParameterized(int) > ["));
        assertThat(result.steps()).extracting(StepResult::outcome)
                .containsExactly(Outcome.FAILED, Outcome.FAILED, Outcome.PASSED);
        assertThat(result.failure().message()).startsWith("2 tests failed: isParameterized(int) > [1]")
                .contains("quantity 1 is not a multiple of 3", "quantity 2 is not a multiple of 3");
    }

    @Test
    void everyDynamicTestIsAStep() throws InterruptedException {
        ScenarioResult result = run("makesDynamicTests");

        assertThat(result.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(result.steps()).extracting(StepResult::name, StepResult::outcome).containsExactly(
                tuple("makesDynamicTests() > euro", Outcome.PASSED),
                tuple("makesDynamicTests() > dollar", Outcome.PASSED));
    }

    @Test
    void testReporterEntriesAreSteps() throws InterruptedException {
        ScenarioResult result = run("publishesReportEntries");

        assertThat(result.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(result.steps()).extracting(StepResult::name, StepResult::message).containsExactly(
                tuple("publishesReportEntries(TestReporter) > orders", "3"),
                tuple("publishesReportEntries(TestReporter)", null));
    }

    @Test
    void classScenarioReportsEveryTestAsAStepAndErrorsWhenATestErrored() throws InterruptedException {
        ScenarioResult result = BridgedRuns.runOne(classes, CHECKS);

        assertThat(result.outcome()).isEqualTo(Outcome.ERRORED);
        assertThat(result.failure().message()).startsWith("5 tests failed: ")
                .contains("failsAnAssertion(): products listed", "throwsAnError(): IllegalStateException");
        assertThat(result.steps()).filteredOn(step -> step.outcome() == Outcome.SKIPPED)
                .extracting(StepResult::name)
                .containsExactlyInAnyOrder("isAbortedByAnAssumption()", "isDisabled()");
        assertThat(result.steps()).filteredOn(step -> step.outcome() == Outcome.PASSED).hasSize(6);
    }

    private static ScenarioResult run(String method) throws InterruptedException {
        return BridgedRuns.runOne(methods, CHECKS + "#" + method);
    }
}
