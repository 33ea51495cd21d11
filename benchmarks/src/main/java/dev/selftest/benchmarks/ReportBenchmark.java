package dev.selftest.benchmarks;

import dev.selftest.Run;
import dev.selftest.Selftest;
import dev.selftest.api.ApiRequest;
import dev.selftest.api.ControlApi;
import java.io.IOException;
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
 * The reports of a finished 500-scenario run (50 of them failed, each with two steps), served by the control API
 * handler: {@code GET /selftest/runs/{id}} (JSON) and {@code GET /selftest/runs/{id}/junit.xml}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class ReportBenchmark {
    /** Scenarios in the reported run. */
    public static final int SCENARIOS = 500;

    private Selftest selftest;
    private ControlApi api;
    private ApiRequest json;
    private ApiRequest junitXml;

    @Setup
    public void start() throws InterruptedException {
        selftest = Suites.selftest(Suites.trivial(SCENARIOS)).build();
        api = selftest.controlApi();
        Run run = Suites.runAll(selftest);
        json = Requests.get("/runs/" + run.id());
        junitXml = Requests.get("/runs/" + run.id() + "/junit.xml");
    }

    @TearDown
    public void stop() {
        selftest.close();
    }

    ControlApi api() {
        return api;
    }

    ApiRequest junitXmlRequest() {
        return junitXml;
    }

    ApiRequest jsonRequest() {
        return json;
    }

    @Benchmark
    public long runJson() throws IOException {
        return HealthBenchmark.answer(api.handle(json));
    }

    @Benchmark
    public long runJUnitXml() throws IOException {
        return HealthBenchmark.answer(api.handle(junitXml));
    }
}
