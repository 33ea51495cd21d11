package dev.selftest.junit;

import dev.selftest.CleanupAction;
import dev.selftest.Environment;
import dev.selftest.Outcome;
import dev.selftest.Run;
import dev.selftest.RunRequest;
import dev.selftest.Scenario;
import dev.selftest.ScenarioContext;
import dev.selftest.Selftest;
import dev.selftest.StepResult;
import dev.selftest.Trigger;
import dev.selftest.junit.fixtures.perf.ThousandChecks;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * A measurement, not a test (no timing is asserted anywhere): the time per test of 1000 trivial tests run as one
 * bridged scenario through a Selftest run (and as the bare scenario body), against the same class run by the
 * Launcher API directly. Run it as
 * {@code docs/junit-bridge.md} shows; it prints the median of several rounds after a warm-up.
 */
public final class BridgeOverhead {
    private static final int ROUNDS = 15;
    private static final int TESTS = 1000;

    private BridgeOverhead() {
    }

    public static void main(String[] args) throws Exception {
        Launcher launcher = LauncherFactory.openSession().getLauncher();
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClass(ThousandChecks.class)).build();
        List<Scenario> scenarios = JUnitScenarios.builder().classes(ThousandChecks.class).discover();
        try (Selftest selftest = Selftest.builder().environment("bench").scenarios(scenarios).build()) {
            RunRequest run = RunRequest.builder().scenarios(ThousandChecks.class.getName()).build();
            long[] direct = new long[ROUNDS];
            long[] bridged = new long[ROUNDS];
            long[] bodyOnly = new long[ROUNDS];
            for (int round = -5; round < ROUNDS; round++) {
                long start = System.nanoTime();
                SummaryGeneratingListener summary = new SummaryGeneratingListener();
                launcher.execute(request, summary);
                long launched = System.nanoTime() - start;
                require(summary.getSummary().getTestsSucceededCount() == TESTS, "direct run did not pass");

                start = System.nanoTime();
                Run result = selftest.run(run, Duration.ofMinutes(1));
                long viaSelftest = System.nanoTime() - start;
                require(result.count(Outcome.PASSED) == 1, "bridged run did not pass: " + result.results());

                start = System.nanoTime();
                scenarios.get(0).body().run(new BenchContext());
                long body = System.nanoTime() - start;
                if (round >= 0) {
                    direct[round] = launched;
                    bridged[round] = viaSelftest;
                    bodyOnly[round] = body;
                }
            }
            double launcherPerTest = median(direct) / 1000.0 / TESTS;
            double bridgePerTest = median(bridged) / 1000.0 / TESTS;
            System.out.printf(Locale.ROOT, "Launcher API directly:      %.1f us per test%n", launcherPerTest);
            double bodyPerTest = median(bodyOnly) / 1000.0 / TESTS;
            System.out.printf(Locale.ROOT, "bridged, via a Selftest run: %.1f us per test (%+.0f %%)%n", bridgePerTest,
                    (bridgePerTest / launcherPerTest - 1) * 100);
            System.out.printf(Locale.ROOT, "bridged scenario body only:  %.1f us per test (%+.0f %%)%n", bodyPerTest,
                    (bodyPerTest / launcherPerTest - 1) * 100);
        }
    }

    /** The least a scenario body needs: somewhere to record steps. */
    private static final class BenchContext implements ScenarioContext {
        private final List<StepResult> steps = new ArrayList<>();
        private final Environment environment = Environment.of("bench", key -> Optional.empty());

        @Override
        public String runId() {
            return "bench";
        }

        @Override
        public String scenarioId() {
            return ThousandChecks.class.getName();
        }

        @Override
        public Trigger trigger() {
            return Trigger.MANUAL;
        }

        @Override
        public Environment environment() {
            return environment;
        }

        @Override
        public void recordStep(StepResult step) {
            steps.add(step);
        }

        @Override
        public void cleanup(String description, CleanupAction action) {
            throw new UnsupportedOperationException("the benchmark registers no cleanup");
        }

        @Override
        public void track(String type, String id) {
            throw new UnsupportedOperationException("the benchmark tracks nothing");
        }

        @Override
        public String testDataName(String label) {
            return "selftest-bench-" + label;
        }

        @Override
        public MeterRegistry kpis() {
            return Metrics.globalRegistry;
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}
