package dev.selftest.internal.run;

import dev.selftest.CleanupResult;
import dev.selftest.Environment;
import dev.selftest.Failure;
import dev.selftest.Outcome;
import dev.selftest.Scenario;
import dev.selftest.ScenarioResult;
import dev.selftest.ScenarioSkippedException;
import dev.selftest.StepResult;
import dev.selftest.internal.cleanup.DurableCleanup;
import dev.selftest.internal.config.Durations;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Executes one scenario of a run: the body in its time box, then every cleanup action, LIFO, each time-boxed. */
final class ScenarioExecution {
    private static final Logger LOG = LoggerFactory.getLogger(ScenarioExecution.class);
    private static final CompletableFuture<Void> NEVER = new CompletableFuture<>();

    private final TimeBox timeBox;
    private final Environment environment;
    private final MeterRegistry kpis;
    private final Optional<DurableCleanup> durableCleanup;
    private final Duration cleanupTimeout;
    private final boolean stackTraces;
    private final Clock clock;

    ScenarioExecution(TimeBox timeBox, Environment environment, MeterRegistry kpis,
                      Optional<DurableCleanup> durableCleanup, Duration cleanupTimeout, boolean stackTraces,
                      Clock clock) {
        this.timeBox = timeBox;
        this.environment = environment;
        this.kpis = kpis;
        this.durableCleanup = durableCleanup;
        this.cleanupTimeout = cleanupTimeout;
        this.stackTraces = stackTraces;
        this.clock = clock;
    }

    ScenarioResult execute(RunState run, Scenario scenario) {
        Instant startedAt = clock.instant();
        long start = System.nanoTime();
        ExecutionContext context = newContext(run, scenario.id(), scenario.timeout());
        Attempt attempt = timeBox.run(scenario.id(), () -> {
            CurrentContext.set(context);
            try {
                scenario.body().run(context);
            } finally {
                CurrentContext.clear();
            }
        }, scenario.timeout(), run.cancellation());
        Duration duration = Duration.ofNanos(System.nanoTime() - start);
        List<CleanupResult> cleanup = cleanUp(context.end());

        Outcome outcome = outcomeOf(attempt);
        Failure failure = failureOf(attempt, scenario.timeout());
        if (!outcome.isFailure() && outcome != Outcome.CANCELLED) {
            CleanupResult failed = cleanup.stream().filter(c -> !c.cleaned()).findFirst().orElse(null);
            if (failed != null) {
                outcome = Outcome.ERRORED;
                failure = Failure.of("CleanupFailed", "cleanup '" + failed.description() + "' failed: "
                        + failed.message());
            }
        }
        return redacted(new ScenarioResult(scenario.id(), outcome, startedAt, duration, failure, context.steps(),
                cleanup));
    }

    /** The result with every secret of the environment masked, so that reports never carry one. */
    private ScenarioResult redacted(ScenarioResult result) {
        Failure failure = result.failure() == null ? null : new Failure(result.failure().type(),
                environment.redact(result.failure().message()), environment.redact(result.failure().stackTrace()));
        return new ScenarioResult(result.scenarioId(), result.outcome(), result.startedAt(), result.duration(),
                failure, result.steps().stream().map(step -> new StepResult(step.name(), step.outcome(),
                        step.duration(), environment.redact(step.message()))).toList(),
                result.cleanup().stream().map(c -> new CleanupResult(c.description(), c.cleaned(), c.duration(),
                        environment.redact(c.message()))).toList());
    }

    /** A context whose {@link ExecutionContext#isCancelled()} turns true once {@code timeout} has passed. */
    ExecutionContext newContext(RunState run, String scenarioId, Duration timeout) {
        return new ExecutionContext(run, scenarioId, timeout, environment, kpis, durableCleanup);
    }

    /** Runs after-the-fact for scenarios that never started: no body, no cleanup. */
    ScenarioResult notStarted(Scenario scenario, Outcome outcome, String reason) {
        return new ScenarioResult(scenario.id(), outcome, clock.instant(), Duration.ZERO,
                Failure.of(outcome.name(), reason), List.of(), List.of());
    }

    /** Runs cleanup actions in the given order, each in its own time box; never throws. */
    List<CleanupResult> cleanUp(List<ExecutionContext.Registered> actions) {
        List<CleanupResult> results = new ArrayList<>(actions.size());
        for (ExecutionContext.Registered registered : actions) {
            long start = System.nanoTime();
            Attempt attempt = timeBox.run("cleanup", registered.action()::run, cleanupTimeout, NEVER);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            String problem = switch (attempt.ending()) {
                case COMPLETED -> null;
                case THREW -> Failures.messageOf(attempt.error());
                case TIMED_OUT, CANCELLED -> "did not finish within " + Durations.format(cleanupTimeout);
            };
            if (problem != null) {
                LOG.warn("Cleanup '{}' failed: {}", registered.description(), environment.redact(problem));
            }
            results.add(new CleanupResult(registered.description(), problem == null, took, problem));
        }
        return results;
    }

    private static Outcome outcomeOf(Attempt attempt) {
        return switch (attempt.ending()) {
            case COMPLETED -> Outcome.PASSED;
            case TIMED_OUT -> Outcome.TIMED_OUT;
            case CANCELLED -> Outcome.CANCELLED;
            case THREW -> attempt.error() instanceof AssertionError ? Outcome.FAILED
                    : attempt.error() instanceof ScenarioSkippedException ? Outcome.SKIPPED
                    : Outcome.ERRORED;
        };
    }

    private @Nullable Failure failureOf(Attempt attempt, Duration timeout) {
        String abandoned = attempt.abandoned()
                ? "; it ignored the interrupt, so its thread was abandoned and cleanup ran anyway" : "";
        return switch (attempt.ending()) {
            case COMPLETED -> null;
            case THREW -> Failures.of(attempt.error(), stackTraces);
            case TIMED_OUT -> Failure.of("Timeout", "did not finish within " + Durations.format(timeout) + abandoned);
            case CANCELLED -> Failure.of("Cancelled", "the run was cancelled while it ran" + abandoned);
        };
    }
}
