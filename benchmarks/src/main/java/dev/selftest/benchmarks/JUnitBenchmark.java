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
 * {@link Selftest#run} (selection, the time-boxed pool, a step per test, history and Micrometer included).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(2)
public class JUnitBenchmark {
    private LauncherSession session;
    private Launcher launcher;
    private LauncherDiscoveryRequest request;
    private Selftest selftest;
    private RunRequest bridged;

    @Setup
    public void start() {
        session = LauncherFactory.openSession();
        launcher = session.getLauncher();
        request = LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClass(ThousandTests.class)).build();
        selftest = Suites.selftest(JUnitScenarios.builder().classes(ThousandTests.class).discover()).build();
        bridged = RunRequest.builder().scenarios(ThousandTests.class.getName()).build();
    }

    @TearDown
    public void stop() {
        session.close();
        selftest.close();
    }

    /** Runs the thousand tests as one bridged scenario; returns how many tests (steps) passed. */
    @Benchmark
    public long throughTheBridge() throws InterruptedException {
        Run run = selftest.run(bridged, Duration.ofMinutes(1));
        return run.results().get(0).steps().stream().filter(step -> step.outcome() == Outcome.PASSED).count();
    }

    /** Discovers and runs the thousand tests; returns how many passed. */
    @Benchmark
    public long launcherDirectly() {
        return runDirectly(launcher, request);
    }

    static long runDirectly(Launcher launcher, LauncherDiscoveryRequest request) {
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        launcher.execute(request, summary);
        return summary.getSummary().getTestsSucceededCount();
    }
}
