package dev.selftest.benchmarks;

import dev.selftest.Selftest;
import dev.selftest.api.ApiRequest;
import dev.selftest.api.ApiResponse;
import dev.selftest.api.ControlApi;
import dev.selftest.health.HealthKind;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcConnectionPool;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A probe's request through the control API handler, answered from the cached check results: a database check and,
 * with {@code slowCheckMillis=200}, a check that takes 200 ms (which a probe must not wait for).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class HealthBenchmark {
    private static final ApiRequest HEALTH = Requests.anonymous("/health");
    private static final ApiRequest READY = Requests.anonymous("/health/ready");

    @Param({"0", "200"})
    public int slowCheckMillis;

    private JdbcConnectionPool database;
    private Selftest selftest;
    private ControlApi api;

    @Setup
    public void start() throws InterruptedException {
        database = BenchChecks.database("health-benchmark");
        Selftest.Builder builder = Selftest.builder().environment("bench").token(Requests.TOKEN)
                .healthCheck(HealthKind.READINESS, BenchChecks.database(database));
        if (slowCheckMillis > 0) {
            builder.healthCheck(HealthKind.READINESS, BenchChecks.slow(Duration.ofMillis(slowCheckMillis)));
        }
        selftest = builder.build();
        api = selftest.controlApi();
        awaitFirstResults(selftest, slowCheckMillis > 0 ? 2 : 1);
    }

    /** Waits until every check has reported once, so the benchmark measures the steady state. */
    static void awaitFirstResults(Selftest selftest, int checks) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!(selftest.health().report().isUp() && selftest.health().report().checks().size() == checks)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("health never came UP: " + selftest.health().report());
            }
            Thread.sleep(10);
        }
    }

    @TearDown
    public void stop() {
        selftest.close();
        database.dispose();
    }

    /** {@code GET /selftest/health}: every check, rendered as MicroProfile Health JSON. */
    @Benchmark
    public long health() throws IOException {
        return answer(api.handle(HEALTH));
    }

    /** {@code GET /selftest/health/ready}: what a Kubernetes readiness probe asks. */
    @Benchmark
    public long ready() throws IOException {
        return answer(api.handle(READY));
    }

    ControlApi api() {
        return api;
    }

    /** Writes the body as a transport would and returns something JMH keeps, so nothing is optimised away. */
    static long answer(ApiResponse response) throws IOException {
        response.body().writeTo(OutputStream.nullOutputStream());
        return response.status() + response.fixedLength();
    }
}
