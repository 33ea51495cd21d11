package dev.selftest.internal.kpi;

import dev.selftest.Outcome;
import dev.selftest.Run;
import dev.selftest.RunListener;
import dev.selftest.RunStatus;
import dev.selftest.Scenario;
import dev.selftest.ScenarioResult;
import dev.selftest.ScenarioStats;
import dev.selftest.Trigger;
import dev.selftest.health.Health;
import dev.selftest.health.HealthKind;
import dev.selftest.internal.threads.DaemonThreads;
import dev.selftest.kpi.FunctionalKpi;
import dev.selftest.kpi.Kpi;
import dev.selftest.kpi.KpiSnapshot;
import dev.selftest.kpi.PassRate;
import dev.selftest.kpi.SelftestMeters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records Selftest's meters as runs happen (it is a {@link RunListener}), and reads KPIs back as a
 * {@link KpiSnapshot}: pass rates over the last hour, day and N runs, per-scenario statistics, health, and the
 * application's meters marked as KPIs.
 */
public final class KpiRecorder implements RunListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KpiRecorder.class);
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration DAY = Duration.ofDays(1);
    /** Beyond this many runs a day, the day's pass rate covers only the most recent ones. */
    private static final int MAX_REMEMBERED_RUNS = 100_000;

    private final MeterRegistry registry;
    private final Supplier<List<Scenario>> scenarios;
    private final Function<String, ScenarioStats> stats;
    private final Health health;
    private final Set<String> kpiNames;
    private final int window;
    private final Clock clock;
    private final Deque<Finished> finished = new ArrayDeque<>();
    /** Every meter registered here, removed again on close; guards {@link #closed} too. */
    private final List<Meter> meters = new ArrayList<>();
    private boolean closed;
    private final Map<String, Map<Outcome, Counter>> scenarioRuns = new ConcurrentHashMap<>();
    private final Map<String, Timer> durations = new ConcurrentHashMap<>();
    private final Map<Trigger, Map<RunStatus, Counter>> runs = new ConcurrentHashMap<>();
    private final AtomicBoolean registrationStarted = new AtomicBoolean();
    /** Completes once the series {@link #registerInBackground()} registers are in the registry, or failed to be. */
    private final CompletableFuture<Void> registered = new CompletableFuture<>();

    private record Finished(Instant at, boolean passed) {
    }

    /**
     * Registers nothing yet: {@link #registerInBackground()} does.
     *
     * @param scenarios the scenarios known at the time, for the series registered up front and {@link #snapshot()}
     */
    public KpiRecorder(MeterRegistry registry, Supplier<List<Scenario>> scenarios, Function<String, ScenarioStats> stats,
                       Health health, Set<String> kpiNames, int window, Clock clock) {
        this.registry = registry;
        this.scenarios = scenarios;
        this.stats = stats;
        this.health = health;
        this.kpiNames = Set.copyOf(kpiNames);
        this.window = window;
        this.clock = clock;
    }

    /**
     * Registers the counters and gauges of every scenario known now, of the runs and of health, on a thread of its
     * own, once: a counter reads 0 before its first event (so {@code rate()} and {@code increase()} work from the
     * start), and the sixty-odd registrations of a typical service would otherwise hold up its start-up by several
     * milliseconds (BENCHMARKS.md). A result recorded before they are done registers its own series first.
     */
    public void registerInBackground() {
        if (registrationStarted.compareAndSet(false, true)) {
            CompletableFuture.runAsync(this::registerKnownSeries,
                            task -> DaemonThreads.named("selftest-meters").newThread(task).start())
                    .whenComplete((done, failure) -> {
                        if (failure != null) {
                            LOG.warn("Selftest's meters could not all be registered: {}", failure.toString(), failure);
                        }
                        registered.complete(null);
                    });
        }
    }

    private void registerKnownSeries() {
        register(scenarios.get());
        Arrays.stream(Trigger.values()).forEach(this::runCounters);
        registerHealth();
    }

    /**
     * Waits until the series {@link #registerInBackground()} registers are in the registry (or failed to be),
     * starting their registration when nothing has yet.
     */
    public void awaitRegistration() {
        registerInBackground();
        registered.join();
    }

    /**
     * Registers the counters and gauges of scenarios discovered after start-up, before they can run. Duration timers
     * follow at each scenario's first timed execution.
     */
    public void register(Collection<Scenario> added) {
        added.forEach(scenario -> scenarioCounters(scenario.id()));
    }

    private Map<Outcome, Counter> scenarioCounters(String scenarioId) {
        return scenarioRuns.computeIfAbsent(scenarioId, this::registerScenario);
    }

    private Map<Outcome, Counter> registerScenario(String id) {
        Map<Outcome, Counter> byOutcome = new EnumMap<>(Outcome.class);
        for (Outcome outcome : Outcome.values()) {
            byOutcome.put(outcome, keep(Counter.builder(SelftestMeters.SCENARIO_RUNS)
                    .description("Scenario executions by outcome")
                    .tag(SelftestMeters.SCENARIO, id).tag(SelftestMeters.OUTCOME, lower(outcome.name()))
                    .register(registry)));
        }
        keep(Gauge.builder(SelftestMeters.SCENARIO_LAST_SUCCESS, () -> lastSuccessSeconds(id))
                .description("When the scenario last passed, in seconds since the epoch")
                .baseUnit("seconds").tag(SelftestMeters.SCENARIO, id).strongReference(true).register(registry));
        keep(Gauge.builder(SelftestMeters.SCENARIO_CONSECUTIVE_FAILURES, () -> stats.apply(id).consecutiveFailures())
                .description("Failures of the scenario since it last passed")
                .tag(SelftestMeters.SCENARIO, id).strongReference(true).register(registry));
        return byOutcome;
    }

    private Map<RunStatus, Counter> runCounters(Trigger trigger) {
        return runs.computeIfAbsent(trigger, this::registerRuns);
    }

    private Map<RunStatus, Counter> registerRuns(Trigger trigger) {
        Map<RunStatus, Counter> byStatus = new EnumMap<>(RunStatus.class);
        for (RunStatus status : RunStatus.values()) {
            if (status.isFinished()) {
                byStatus.put(status, keep(Counter.builder(SelftestMeters.RUNS)
                        .description("Finished runs by trigger and status")
                        .tag(SelftestMeters.TRIGGER, trigger.wireName())
                        .tag(SelftestMeters.STATUS, lower(status.name()))
                        .register(registry)));
            }
        }
        return byStatus;
    }

    private void registerHealth() {
        for (HealthKind kind : HealthKind.values()) {
            keep(Gauge.builder(SelftestMeters.HEALTH_STATUS, () -> health.report(kind).isUp() ? 1 : 0)
                    .description("1 when every check of this kind is UP, 0 when one is DOWN")
                    .tag(SelftestMeters.KIND, lower(kind.name())).strongReference(true).register(registry));
        }
    }

    /**
     * A scenario's duration timer, registered at its first timed execution: before that it has nothing to show, and
     * its percentile histogram is the most expensive meter to set up.
     */
    private Timer durationTimer(String scenarioId) {
        return keep(Timer.builder(SelftestMeters.SCENARIO_DURATION)
                .description("How long scenario executions take")
                .tag(SelftestMeters.SCENARIO, scenarioId)
                .publishPercentiles(0.5, 0.95)
                .register(registry));
    }

    /** Remembers a meter for {@link #close()}, or removes it again when it was registered after close. */
    private <M extends Meter> M keep(M meter) {
        synchronized (meters) {
            if (closed) {
                registry.remove(meter);
            } else {
                meters.add(meter);
            }
        }
        return meter;
    }

    private double lastSuccessSeconds(String scenarioId) {
        Instant last = stats.apply(scenarioId).lastSuccess();
        return last == null ? Double.NaN : last.toEpochMilli() / 1000.0;
    }

    @Override
    public void scenarioFinished(Run run, Scenario scenario, ScenarioResult result) {
        scenarioCounters(scenario.id()).get(result.outcome()).increment();
        if (result.outcome() != Outcome.CANCELLED && result.outcome() != Outcome.SKIPPED) {
            durations.computeIfAbsent(scenario.id(), this::durationTimer).record(result.duration());
        }
    }

    @Override
    public void runFinished(Run run) {
        runCounters(run.trigger()).get(run.status()).increment();
        if (run.status() == RunStatus.CANCELLED) {
            return;
        }
        Instant at = run.finishedAt() != null ? run.finishedAt() : clock.instant();
        synchronized (finished) {
            finished.addLast(new Finished(at, run.passed()));
            Instant dayAgo = clock.instant().minus(DAY);
            while (finished.size() > MAX_REMEMBERED_RUNS
                    || finished.size() > window && finished.peekFirst().at().isBefore(dayAgo)) {
                finished.removeFirst();
            }
        }
    }

    /** The KPIs now. */
    public KpiSnapshot snapshot() {
        Instant now = clock.instant();
        List<Finished> runs;
        synchronized (finished) {
            runs = List.copyOf(finished);
        }
        Map<String, String> healthByKind = new LinkedHashMap<>();
        for (HealthKind kind : HealthKind.values()) {
            healthByKind.put(lower(kind.name()), health.report(kind).status().name());
        }
        return new KpiSnapshot(now, passRate(runs, now.minus(HOUR)), passRate(runs, now.minus(DAY)),
                lastRuns(runs), scenarios.get().stream().map(s -> stats.apply(s.id())).toList(), healthByKind,
                functional());
    }

    private static PassRate passRate(List<Finished> runs, Instant since) {
        List<Finished> recent = runs.stream().filter(run -> !run.at().isBefore(since)).toList();
        return PassRate.of(recent.size(), (int) recent.stream().filter(Finished::passed).count());
    }

    private PassRate lastRuns(List<Finished> runs) {
        List<Finished> last = runs.subList(Math.max(0, runs.size() - window), runs.size());
        return PassRate.of(last.size(), (int) last.stream().filter(Finished::passed).count());
    }

    private List<FunctionalKpi> functional() {
        return registry.getMeters().stream()
                .filter(meter -> Kpi.isMarked(meter.getId()) || kpiNames.contains(meter.getId().getName()))
                .sorted(Comparator.comparing((Meter meter) -> meter.getId().getName())
                        .thenComparing(meter -> meter.getId().getTags().toString()))
                .map(KpiRecorder::functional).toList();
    }

    private static FunctionalKpi functional(Meter meter) {
        Meter.Id id = meter.getId();
        Map<String, String> tags = new TreeMap<>();
        for (Tag tag : id.getTagsAsIterable()) {
            if (!tag.getKey().equals(Kpi.TAG_KEY)) {
                tags.put(tag.getKey(), tag.getValue());
            }
        }
        Map<String, Double> values = new LinkedHashMap<>();
        for (Measurement measurement : meter.measure()) {
            values.put(lower(measurement.getStatistic().name()), measurement.getValue());
        }
        return new FunctionalKpi(id.getName(), lower(id.getType().name()), tags, id.getDescription(),
                id.getBaseUnit(), values);
    }

    /** Removes Selftest's meters, whose gauges would otherwise keep reading a closed Selftest. */
    @Override
    public void close() {
        registrationStarted.set(true); // nothing to register once closed: a later wait returns at once
        registered.complete(null);
        synchronized (meters) {
            closed = true;
            meters.forEach(registry::remove);
            meters.clear();
        }
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
