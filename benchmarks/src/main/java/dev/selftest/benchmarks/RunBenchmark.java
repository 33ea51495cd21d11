package dev.selftest.benchmarks;

import dev.selftest.Run;
import dev.selftest.Selftest;
import java.util.concurrent.TimeUnit;
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
 * A whole run of 500 trivial scenarios through {@link Selftest#run}: selection, the coordinator thread, each body on
 * the bounded time-boxed pool, cleanup bookkeeping, history, statistics and Micrometer. Divide by 500 for the cost
 * the runner adds to one scenario.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(2)
public class RunBenchmark {
    private Selftest selftest;

    @Setup
    public void start() {
        selftest = Suites.selftest(Suites.trivial(ReportBenchmark.SCENARIOS)).build();
    }

    @TearDown
    public void stop() {
        selftest.close();
    }

    @Benchmark
    public Run run500Scenarios() throws InterruptedException {
        return Suites.runAll(selftest);
    }
}
