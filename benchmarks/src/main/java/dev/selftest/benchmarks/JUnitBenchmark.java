package dev.selftest.benchmarks;

import dev.selftest.Outcome;
import dev.selftest.Run;
import dev.selftest.RunRequest;
import dev.selftest.Selftest;
import dev.selftest.benchmarks.junit.ThousandTests;
import dev.selftest.junit.JUnitScenarios;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * An in-process run of 1000 trivial JUnit Jupiter tests ({@link ThousandTests}) in a warm JVM, discovery included:
 * through the JUnit Platform Launcher API directly, and as one scenario that the JUnit bridge discovered, run by
 * {@link Selftest#run} (selection, the time-boxed pool, a step per test, history and Micrometer included). Each path
 * sets up only what it uses, so a fork of one never carries the other's objects.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(2)
public class JUnitBenchmark {
    /** Runs the thousand tests as one bridged scenario; returns how many tests (steps) passed. */
    @Benchmark
    public long throughTheBridge(Bridged bridged) throws InterruptedException {
        Run run = bridged.selftest.run(bridged.request, Duration.ofMinutes(1));
        return run.results().get(0).steps().stream().filter(step -> step.outcome() == Outcome.PASSED).count();
    }

    /** Discovers and runs the thousand tests; returns how many passed. */
    @Benchmark
    public long launcherDirectly(Direct direct) {
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        direct.launcher.execute(direct.request, summary);
        return summary.getSummary().getTestsSucceededCount();
    }

    /** The raw Launcher path: a launcher session and a request for the test class. */
    @State(Scope.Benchmark)
    public static class Direct {
        private LauncherSession session;
        private Launcher launcher;
        private LauncherDiscoveryRequest request;

        @Setup
        public void start() {
            session = LauncherFactory.openSession();
            launcher = session.getLauncher();
            request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(DiscoverySelectors.selectClass(ThousandTests.class)).build();
        }

        @TearDown
        public void stop() {
            session.close();
        }
    }

    /** The bridged path: a Selftest whose one scenario is the test class, as the bridge discovered it. */
    @State(Scope.Benchmark)
    public static class Bridged {
        private Selftest selftest;
        private RunRequest request;

        @Setup
        public void start() {
            selftest = Suites.selftest(JUnitScenarios.builder().classes(ThousandTests.class).discover()).build();
            request = RunRequest.builder().scenarios(ThousandTests.class.getName()).build();
        }

        @TearDown
        public void stop() {
            selftest.close();
        }
    }
}
