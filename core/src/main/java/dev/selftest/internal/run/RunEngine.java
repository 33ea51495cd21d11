package dev.selftest.internal.run;

import dev.selftest.Environment;
import dev.selftest.Outcome;
import dev.selftest.ProviderStateHandler;
import dev.selftest.Run;
import dev.selftest.RunListener;
import dev.selftest.RunRejectedException;
import dev.selftest.RunRequest;
import dev.selftest.SafetyPolicy;
import dev.selftest.Scenario;
import dev.selftest.ScenarioResult;
import dev.selftest.ScenarioStats;
import dev.selftest.internal.cleanup.DurableCleanup;
import dev.selftest.internal.config.Settings;
import dev.selftest.internal.threads.DaemonThreads;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Starts runs and drives them: one coordinator thread per run executes its scenarios in order, each body on a
 * bounded, time-boxed worker; history, statistics and listeners hear every result.
 */
public final class RunEngine implements AutoCloseable {
    /** MDC key carrying the run id in every log line of a run. */
    public static final String MDC_RUN_ID = "selftest.runId";
    private static final Logger LOG = LoggerFactory.getLogger(RunEngine.class);

    private final ScenarioCatalog scenarios;
    private final Environment environment;
    private final SafetyPolicy safetyPolicy;
    private final Settings settings;
    private final Clock clock;
    private final RunIds ids;
    private final TimeBox timeBox;
    private final ScenarioExecution execution;
    private final RunHistory history;
    private final ScenarioStatistics statistics;
    private final Listeners listeners = new Listeners();
    private final ExecutorService coordinators;
    private final AtomicInteger activeRuns = new AtomicInteger();
    private final RunRateLimit rateLimit;
    private final ProviderStates providerStates;
    private final Map<String, Semaphore> scenarioLocks = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public RunEngine(ScenarioCatalog scenarios, Environment environment, SafetyPolicy safetyPolicy,
                     Settings settings, MeterRegistry kpis, Optional<DurableCleanup> durableCleanup,
                     Map<String, ProviderStateHandler> stateHandlers, Clock clock) {
        this.scenarios = scenarios;
        this.environment = environment;
        this.safetyPolicy = safetyPolicy;
        this.settings = settings;
        this.clock = clock;
        this.ids = new RunIds(clock);
        this.timeBox = new TimeBox(settings.poolSize(), settings.interruptGrace());
        this.execution = new ScenarioExecution(timeBox, environment, kpis, durableCleanup,
                settings.cleanupTimeout(), settings.stackTraces(), clock);
        this.providerStates = new ProviderStates(stateHandlers, timeBox, execution, ids, environment.name(),
                settings.providerStateTimeout(), settings.providerStateTimeToLive(), clock);
        this.rateLimit = new RunRateLimit(settings.maxRunsPerMinute());
        this.history = new RunHistory(settings.historySize());
        this.statistics = new ScenarioStatistics(settings.statsWindow());
        this.coordinators = Executors.newCachedThreadPool(DaemonThreads.numbered("selftest-run"));
    }

    public void addListener(RunListener listener) {
        listeners.add(listener);
    }

    public void removeListener(RunListener listener) {
        listeners.remove(listener);
    }

    /**
     * Starts a run and returns at once with its first snapshot.
     *
     * @throws RunRejectedException when the selection is invalid or forbidden, too many runs are running, or a
     *                              scenario discovery failed
     */
    public Run start(RunRequest request) {
        if (closed) {
            throw RunRejectedException.shuttingDown();
        }
        List<Scenario> selected = Selection.resolve(request, scenarios.all(), safetyPolicy, environment);
        if (activeRuns.incrementAndGet() > settings.maxConcurrentRuns()) {
            activeRuns.decrementAndGet();
            throw RunRejectedException.tooManyRuns(settings.maxConcurrentRuns()
                    + " runs are already running, the most this service allows at once", Duration.ofSeconds(5));
        }
        Duration wait = rateLimit.tryAcquire();
        if (!wait.isZero()) {
            activeRuns.decrementAndGet();
            throw RunRejectedException.tooManyRuns("more than " + settings.maxRunsPerMinute()
                    + " runs were started in the last minute (" + Settings.MAX_RUNS_PER_MINUTE + ")", wait);
        }
        RunState run = new RunState(ids.next(), request.trigger(), request.labels(), environment.name(),
                clock.instant(), selected);
        history.add(run);
        Run first = run.snapshot();
        try {
            coordinators.execute(() -> coordinate(run));
        } catch (RuntimeException e) {
            activeRuns.decrementAndGet();
            run.complete(run.finish(clock));
            throw RunRejectedException.shuttingDown();
        }
        return first;
    }

    /**
     * Every scenario, in registration order, discovering them first if no caller did yet.
     *
     * @throws RunRejectedException when a scenario discovery failed or is still running
     */
    public Collection<Scenario> scenarios() {
        return scenarios.all().values();
    }

    /**
     * Waits up to {@code wait} for a run to finish and returns its latest snapshot (finished or not).
     */
    public Optional<Run> await(String runId, Duration wait) throws InterruptedException {
        Optional<RunState> run = history.find(runId);
        if (run.isEmpty()) {
            return Optional.empty();
        }
        try {
            run.get().completion().get(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            // still running: answer with the current snapshot
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        return Optional.of(run.get().snapshot());
    }

    public Optional<Run> find(String runId) {
        return history.find(runId).map(RunState::snapshot);
    }

    /** Runs, newest first. */
    public List<Run> runs() {
        return history.list();
    }

    /** Requests cancellation; empty when unknown, false when already finished. */
    public Optional<Boolean> cancel(String runId) {
        return history.find(runId).map(RunState::requestCancel);
    }

    /** Ids of the runs in progress and of provider states set up: their test data is in use. */
    public Set<String> runningRunIds() {
        Set<String> ids = new HashSet<>(history.runningIds());
        ids.addAll(providerStates.activeIds());
        return ids;
    }

    /** Pact provider states, set up and torn down through the control API. */
    public ProviderStates providerStates() {
        return providerStates;
    }

    public ScenarioStats stats(String scenarioId) {
        return statistics.of(scenarioId);
    }

    /** Threads left behind by bodies that ignored interrupts and have not returned yet. */
    public int abandonedThreads() {
        return timeBox.abandonedThreads();
    }

    private void coordinate(RunState run) {
        MDC.put(MDC_RUN_ID, run.id());
        try {
            LOG.info("Run {} started ({}, {} scenarios)", run.id(), run.trigger().wireName(), run.scenarios().size());
            listeners.runStarted(run.snapshot());
            for (Scenario scenario : run.scenarios()) {
                ScenarioResult result = executeExclusively(run, scenario);
                run.add(result);
                statistics.record(result);
                listeners.scenarioFinished(run.snapshot(), scenario, result);
            }
        } catch (RuntimeException | Error e) {
            LOG.error("Run {} stopped unexpectedly", run.id(), e);
        } finally {
            activeRuns.decrementAndGet();
            Run finished = run.finish(clock);
            LOG.info("Run {} {}", run.id(), finished.status());
            try {
                listeners.runFinished(finished);
            } finally {
                // listeners (metrics, health) hear of the run before anyone waiting for it wakes up
                run.complete(finished);
                MDC.remove(MDC_RUN_ID);
            }
        }
    }

    /** The same scenario never runs twice at once: a second run waits for it, at most its timeout. */
    private ScenarioResult executeExclusively(RunState run, Scenario scenario) {
        if (run.isCancelRequested()) {
            return execution.notStarted(scenario, Outcome.CANCELLED, "the run was cancelled before it started");
        }
        Semaphore lock = scenarioLocks.computeIfAbsent(scenario.id(), id -> new Semaphore(1));
        try {
            if (!lock.tryAcquire(scenario.timeout().toNanos(), TimeUnit.NANOSECONDS)) {
                return execution.notStarted(scenario, Outcome.SKIPPED, "still running in another run after "
                        + "waiting its timeout; a scenario never runs twice at once");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return execution.notStarted(scenario, Outcome.CANCELLED, "interrupted before it started");
        }
        try {
            listeners.scenarioStarted(run.snapshot(), scenario);
            return execution.execute(run, scenario);
        } finally {
            lock.release();
        }
    }

    /** Cancels running runs and waits up to the shutdown grace for their cleanup. */
    @Override
    public void close() {
        closed = true;
        List<RunState> running = history.running();
        running.forEach(RunState::requestCancel);
        long deadline = System.nanoTime() + settings.shutdownGrace().toNanos();
        for (RunState run : running) {
            try {
                run.completion().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                LOG.warn("Run {} did not finish within the shutdown grace", run.id());
            }
        }
        coordinators.shutdownNow();
        timeBox.close();
    }
}
