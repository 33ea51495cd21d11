package dev.selftest.internal.run;

import dev.selftest.CleanupAction;
import dev.selftest.Environment;
import dev.selftest.ScenarioContext;
import dev.selftest.StepResult;
import dev.selftest.Trigger;
import dev.selftest.cleanup.JournalEntry;
import dev.selftest.internal.cleanup.DurableCleanup;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** The {@link ScenarioContext} of one scenario execution. Thread-safe: a body may hand it to its own threads. */
final class ExecutionContext implements ScenarioContext {
    /** Every test-data name starts with this, so leftovers can be found. */
    static final String TEST_DATA_PREFIX = dev.selftest.Sweeper.TEST_DATA_PREFIX;

    private final String runId;
    private final String scenarioId;
    private final Trigger trigger;
    private final Environment environment;
    private final MeterRegistry kpis;
    private final Optional<DurableCleanup> durableCleanup;
    private final RunState run;
    private final List<StepResult> steps = new ArrayList<>();
    private final Deque<Registered> cleanup = new ArrayDeque<>();
    private final AtomicInteger dataNames = new AtomicInteger();
    private volatile boolean ended;

    record Registered(String description, CleanupAction action) {
    }

    ExecutionContext(RunState run, String scenarioId, Environment environment, MeterRegistry kpis,
                     Optional<DurableCleanup> durableCleanup) {
        this.durableCleanup = durableCleanup;
        this.run = run;
        this.runId = run.id();
        this.scenarioId = scenarioId;
        this.trigger = run.trigger();
        this.environment = environment;
        this.kpis = kpis;
    }

    @Override
    public String runId() {
        return runId;
    }

    @Override
    public String scenarioId() {
        return scenarioId;
    }

    @Override
    public Trigger trigger() {
        return trigger;
    }

    @Override
    public Environment environment() {
        return environment;
    }

    @Override
    public void recordStep(StepResult step) {
        record(Objects.requireNonNull(step, "step"));
    }

    @Override
    public void cleanup(String description, CleanupAction action) {
        Objects.requireNonNull(description, "cleanup description");
        Objects.requireNonNull(action, "cleanup action");
        synchronized (cleanup) {
            if (ended) {
                throw new IllegalStateException("scenario '" + scenarioId
                        + "' already ended: register cleanup before the body returns");
            }
            cleanup.push(new Registered(description, action));
        }
    }

    @Override
    public void track(String type, String id) {
        DurableCleanup journal = durableCleanup.orElseThrow(() -> new IllegalStateException("no cleanup handler "
                + "is registered, so nothing can be tracked; register one with Selftest.builder().cleanupHandler("
                + "\"" + type + "\", ...)"));
        JournalEntry entry = journal.track(type, id, runId, scenarioId);
        cleanup(type + " " + id + " (tracked)", () -> journal.remove(entry));
    }

    @Override
    public String testDataName(String label) {
        String safeLabel = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return TEST_DATA_PREFIX + runId + "-" + safeLabel + "-" + dataNames.incrementAndGet();
    }

    @Override
    public MeterRegistry kpis() {
        return kpis;
    }

    @Override
    public boolean isCancelled() {
        return ended || run.isCancelRequested();
    }

    /** Ends the body's part: no more cleanup registrations; returns the actions in the order they must run. */
    List<Registered> end() {
        synchronized (cleanup) {
            ended = true;
            return List.copyOf(cleanup);
        }
    }

    List<StepResult> steps() {
        synchronized (steps) {
            return List.copyOf(steps);
        }
    }

    private void record(StepResult step) {
        synchronized (steps) {
            steps.add(step);
        }
    }
}
