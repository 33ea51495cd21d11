package dev.selftest.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.selftest.CleanupResult;
import dev.selftest.Outcome;
import dev.selftest.Run;
import dev.selftest.RunRequest;
import dev.selftest.ScenarioResult;
import dev.selftest.Selftest;
import dev.selftest.StepResult;
import dev.selftest.cleanup.CleanupJournal;
import dev.selftest.junit.fixtures.Observations;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** The same test class ({@code ContextChecks}) run the two ways: by JUnit alone, and by a Selftest run. */
class SelftestExtensionTests {
    private static final String CHECKS = "dev.selftest.junit.fixtures.context.ContextChecks";
    private static final String TRACKING = "dev.selftest.junit.fixtures.context.TrackingChecks";
    private static final String CLASS_CLEANUP = "dev.selftest.junit.fixtures.context.ClassCleanupChecks";

    @BeforeEach
    void clearObservations() {
        Observations.clear();
    }

    @Test
    void standaloneTestGetsTheCiEnvironmentAndConfiguredTargetAndCleansUpAfterEachTestEvenAFailingOne() {
        TestExecutionSummary summary = runStandalone("http://localhost:1234/shop");

        assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
        assertThat(summary.getTestsFailedCount()).isEqualTo(1);
        List<String> events = Observations.events();
        assertThat(events).element(0).asString().matches("run \\d{8}-\\d{6}-[0-9a-f]{6}");
        String runId = events.get(0).substring("run ".length());
        assertThat(events.subList(1, events.size())).containsExactly(
                "environment ci",
                "trigger ci",
                "target http://localhost:1234/shop/orders",
                "data selftest-" + runId + "-order-1",
                "checked order 1",
                "placed order 1",
                "after each",
                "cleaned order 1",
                "placed order 2",
                "after each",
                "cleaned order 2");
    }

    @Test
    void standaloneTestWithAnInvalidTargetUrlFailsNamingTheSetting() {
        TestExecutionSummary summary = runStandalone("not a url");

        assertThat(summary.getFailures()).extracting(failure -> failure.getException().getMessage())
                .anySatisfy(message -> assertThat(message).contains("selftest.target-url 'not a url' is invalid"));
    }

    @Test
    void liveTestGetsTheRunsContextAndCoreRunsItsCleanupAfterTheScenario() throws InterruptedException {
        try (Selftest selftest = BridgedRuns.selftest(JUnitScenarios.builder().classes(fixture(CHECKS))
                .targetUrl(() -> URI.create("http://127.0.0.1:8080")).discover())) {
            Run run = selftest.run(RunRequest.builder().scenarios(CHECKS).build(), Duration.ofSeconds(30));

            ScenarioResult result = run.results().get(0);
            assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(result.failure().message()).isEqualTo("failsAfterPlacingAnOrder(ScenarioContext): "
                    + "order total is wrong");
            assertThat(result.cleanup()).extracting(CleanupResult::description, CleanupResult::cleaned)
                    .containsExactly(tuple("cancel order 2", true),
                            tuple("cancel order 1", true));
            assertThat(Observations.events()).containsExactly(
                    "run " + run.id(),
                    "environment staging",
                    "trigger manual",
                    "target http://127.0.0.1:8080/orders",
                    "data selftest-" + run.id() + "-order-1",
                    "checked order 1",
                "placed order 1",
                    "after each",
                    "placed order 2",
                    "after each",
                    "cleaned order 2",
                    "cleaned order 1");
            assertThat(result.steps()).extracting(StepResult::name, StepResult::outcome)
                    .contains(tuple("check order 1", Outcome.PASSED), tuple("placesAnOrder(SelftestContext)",
                            Outcome.PASSED), tuple("failsAfterPlacingAnOrder(ScenarioContext)", Outcome.FAILED));
            assertThat(selftest.meterRegistry().counter("orders.placed").count()).isEqualTo(1.0);
        }
    }

    @Test
    void standaloneCleanupFromBeforeAllRunsAfterTheClassAndAFailingCleanupFailsItsTest() {
        TestExecutionSummary summary = runStandalone(fixture(CLASS_CLEANUP), "http://localhost:1234");

        assertThat(Observations.events()).containsExactly("test 1", "test 2", "cleaned customer");
        assertThat(summary.getFailures()).singleElement().satisfies(failure -> {
            assertThat(failure.getTestIdentifier().getDisplayName()).startsWith("hasACleanupThatFails");
            assertThat(failure.getException())
                    .hasStackTraceContaining("cleanup 'delete coupon' failed: coupon service unavailable");
        });
    }

    @Test
    void trackedResourceIsRemovedByTheExtensionsHandlerStandaloneAndByTheServicesHandlerInside(@TempDir Path journal)
            throws InterruptedException {
        TestExecutionSummary summary = runStandalone(fixture(TRACKING), "http://localhost:1234");

        assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
        assertThat(Observations.events()).containsExactly("placed order 42", "test handler removed order 42");

        Observations.clear();
        try (Selftest selftest = Selftest.builder().environment("staging")
                .cleanupHandler("order", id -> Observations.add("service removed order " + id))
                .cleanupJournal(CleanupJournal.file(journal))
                .scenarios(JUnitScenarios.builder().classes(fixture(TRACKING)).discover()).build()) {
            ScenarioResult result = BridgedRuns.runOne(selftest, TRACKING);

            assertThat(result.outcome()).isEqualTo(Outcome.PASSED);
            assertThat(result.cleanup()).extracting(CleanupResult::description, CleanupResult::cleaned)
                    .containsExactly(tuple("order 42 (tracked)", true));
            assertThat(Observations.events()).containsExactly("placed order 42", "service removed order 42");
        }
    }

    private static TestExecutionSummary runStandalone(String targetUrl) {
        return runStandalone(fixture(CHECKS), targetUrl);
    }

    private static TestExecutionSummary runStandalone(Class<?> checks, String targetUrl) {
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClass(checks))
                .configurationParameter(SelftestContext.TARGET_URL, targetUrl)
                .build(), summary);
        return summary.getSummary();
    }

    private static Class<?> fixture(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }
}
