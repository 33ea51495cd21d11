package dev.selftest.internal.run;

import dev.selftest.Run;
import dev.selftest.RunStatus;
import dev.selftest.Scenario;
import dev.selftest.ScenarioResult;
import dev.selftest.Trigger;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/** The mutable state of one run, read through immutable {@link Run} snapshots. */
final class RunState {
    private final String id;
    private final Trigger trigger;
    private final Map<String, String> labels;
    private final String environment;
    private final Instant startedAt;
    private final List<Scenario> scenarios;
    private final List<ScenarioResult> results = new ArrayList<>();
    private final CompletableFuture<Void> cancellation = new CompletableFuture<>();
    private final CompletableFuture<Run> completion = new CompletableFuture<>();
    private RunStatus status = RunStatus.RUNNING;
    private @Nullable Instant finishedAt;

    RunState(String id, Trigger trigger, Map<String, String> labels, String environment, Instant startedAt,
             List<Scenario> scenarios) {
        this.id = id;
        this.trigger = trigger;
        this.labels = Map.copyOf(labels);
        this.environment = environment;
        this.startedAt = startedAt;
        this.scenarios = List.copyOf(scenarios);
    }

    String id() {
        return id;
    }

    Trigger trigger() {
        return trigger;
    }

    List<Scenario> scenarios() {
        return scenarios;
    }

    /** Completes when cancellation is requested. */
    CompletableFuture<Void> cancellation() {
        return cancellation;
    }

    /** Completes with the final snapshot. */
    CompletableFuture<Run> completion() {
        return completion;
    }

    boolean isCancelRequested() {
        return cancellation.isDone();
    }

    /** Requests cancellation; false when the run already finished. */
    synchronized boolean requestCancel() {
        if (status.isFinished()) {
            return false;
        }
        cancellation.complete(null);
        return true;
    }

    synchronized boolean isFinished() {
        return status.isFinished();
    }

    synchronized void add(ScenarioResult result) {
        results.add(result);
    }

    /** Marks the run finished and returns its final snapshot; waiters wake only at {@link #complete}. */
    synchronized Run finish(Clock clock) {
        boolean failed = results.stream().anyMatch(r -> r.outcome().isFailure());
        status = failed ? RunStatus.FAILED : isCancelRequested() ? RunStatus.CANCELLED : RunStatus.PASSED;
        finishedAt = clock.instant();
        return snapshot();
    }

    /** Wakes everyone waiting for the run. */
    void complete(Run finalSnapshot) {
        completion.complete(finalSnapshot);
    }

    synchronized Run snapshot() {
        return new Run(id, trigger, labels, environment, status, startedAt, finishedAt,
                scenarios.stream().map(Scenario::id).toList(), results);
    }
}
