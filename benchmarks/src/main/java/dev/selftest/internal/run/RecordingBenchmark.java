package dev.selftest.internal.run;

import dev.selftest.ConfigSource;
import dev.selftest.Outcome;
import dev.selftest.Run;
import dev.selftest.Scenario;
import dev.selftest.ScenarioResult;
import dev.selftest.Trigger;
import dev.selftest.internal.config.MonitoringSettings;
import dev.selftest.internal.health.HealthMonitor;
import dev.selftest.internal.kpi.KpiRecorder;
import dev.selftest.internal.kpi.PrometheusText;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * What the runner does with each scenario result, averaged over a 500-scenario run: add it to the run (history),
 * record it in the scenario's statistics, and hand a fresh run snapshot to the listeners, here the
 * {@link KpiRecorder} that counts it and times it in a Prometheus registry. The three calls are
 * {@code RunEngine}'s own, which is why this benchmark sits in the runner's package.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class RecordingBenchmark {
    /** Scenarios per run: every 500 results a new run starts, so snapshots cost what they cost in such a run. */
    public static final int SCENARIOS = 500;

    private List<Scenario> scenarios;
    private ScenarioResult[] results;
    private ScenarioStatistics statistics;
    private Listeners listeners;
    private KpiRecorder kpis;
    private HealthMonitor health;
    private RunState run;
    private int next;

    @Setup
    public void start() {
        scenarios = SelectionBenchmark.scenarios(SCENARIOS);
        Instant now = Instant.now();
        results = scenarios.stream().map(scenario -> new ScenarioResult(scenario.id(), Outcome.PASSED, now,
                Duration.ofMillis(3), null, List.of(), List.of())).toArray(ScenarioResult[]::new);
        statistics = new ScenarioStatistics(100);
        MeterRegistry registry = PrometheusText.defaultRegistry();
        health = new HealthMonitor(List.of(), MonitoringSettings.from(ConfigSource.of(Map.of())), Clock.systemUTC());
        kpis = new KpiRecorder(registry, () -> scenarios, statistics::of, health, Set.of(), 100, Clock.systemUTC());
        kpis.registerInBackground();
        kpis.awaitRegistration();
        listeners = new Listeners();
        listeners.add(kpis);
        newRun();
    }

    private void newRun() {
        run = new RunState("20261123-120000-000000", Trigger.SCHEDULE, Map.of(), "bench", Instant.now(), scenarios);
        next = 0;
    }

    @TearDown
    public void stop() {
        kpis.close();
        health.close();
    }

    /** One result recorded; a new run begins after the 500th. */
    @Benchmark
    public Run record() {
        if (next == SCENARIOS) {
            newRun();
        }
        Scenario scenario = scenarios.get(next);
        ScenarioResult result = results[next++];
        run.add(result);
        statistics.record(result);
        Run snapshot = run.snapshot();
        listeners.scenarioFinished(snapshot, scenario, result);
        return snapshot;
    }
}
