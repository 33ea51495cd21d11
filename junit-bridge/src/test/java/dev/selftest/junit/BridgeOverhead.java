package dev.selftest.junit;

import dev.selftest.Outcome;
import dev.selftest.Run;
import dev.selftest.RunRequest;
import dev.selftest.Selftest;
import dev.selftest.junit.fixtures.perf.ThousandChecks;
import java.time.Duration;
import java.util.Locale;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * A measurement, not a test (no timing is asserted anywhere): the time per test of 1000 trivial tests run as one
 * bridged scenario through a Selftest run, against the same class run by the Launcher API directly. Run it as
 * {@code docs/junit-bridge.md} shows; it prints the median of several rounds after a warm-up.
 */
public final class BridgeOverhead {
    private static final int ROUNDS = 15;
    private static final int TESTS = 1000;

    private BridgeOverhead() {
    }

    public static void main(String[] args) throws InterruptedException {
        Launcher launcher = LauncherFactory.openSession().getLauncher();
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClass(ThousandChecks.class)).build();
        try (Selftest selftest = Selftest.builder().environment("bench").scenarios(JUnitScenarios.builder()
                .classes(ThousandChecks.class).discover()).build()) {
            RunRequest run = RunRequest.builder().scenarios(ThousandChecks.class.getName()).build();
            long[] direct = new long[ROUNDS];
            long[] bridged = new long[ROUNDS];
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
                if (round >= 0) {
                    direct[round] = launched;
                    bridged[round] = viaSelftest;
                }
            }
            double launcherPerTest = median(direct) / 1000.0 / TESTS;
            double bridgePerTest = median(bridged) / 1000.0 / TESTS;
            System.out.printf(Locale.ROOT, "Launcher API directly:      %.1f us per test%n", launcherPerTest);
            System.out.printf(Locale.ROOT, "bridged, via a Selftest run: %.1f us per test (%+.0f %%)%n", bridgePerTest,
                    (bridgePerTest / launcherPerTest - 1) * 100);
        }
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}
