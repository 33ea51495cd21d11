package dev.selftest.junit.internal;

import dev.selftest.Outcome;
import dev.selftest.ScenarioContext;
import dev.selftest.ScenarioSkippedException;
import dev.selftest.StepResult;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Listens to one bridged execution on the scenario's thread: records every test (and every failed or skipped
 * container, and every {@code TestReporter} entry) as a step of the scenario, stops the execution once the scenario
 * is cancelled or out of time, and finally decides how the scenario ends.
 *
 * <p>The bridge runs tests one at a time (parallel execution is off), so their events nest: the nodes started and not
 * yet finished form a stack whose top is the parent of whatever starts or is skipped next. The recorder keeps each
 * node's step name and start time there, which costs a push and a pop per test instead of lookups in the test plan.
 */
final class StepRecorder implements TestExecutionListener {
    private final ScenarioContext context;
    /** The nodes started and not yet finished, innermost first. */
    private final Deque<Started> running = new ArrayDeque<>();
    private final List<FailedTests.Failed> failures = new ArrayList<>();
    private final List<String> skips = new ArrayList<>();
    private Runnable stop = () -> { };
    private boolean stopping;
    private int passed;

    StepRecorder(ScenarioContext context) {
        this.context = context;
    }

    /** How to stop the execution: cancel its token (JUnit 6) or interrupt the thread (JUnit 5). */
    void stopWith(Runnable stop) {
        this.stop = stop;
    }

    @Override
    public void executionStarted(TestIdentifier test) {
        running.push(new Started(test, nameBelowRunning(test), System.nanoTime()));
        stopIfAsked();
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        boolean cancelled = stopIfAsked();
        String name = nameBelowRunning(test);
        record(name, cancelled ? Outcome.CANCELLED : Outcome.SKIPPED, Duration.ZERO, reason);
        skips.add(name + ": " + reason);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        Started started = finished(test);
        String name = started.name();
        Duration took = Duration.ofNanos(System.nanoTime() - started.nanos());
        switch (result.getStatus()) {
            case SUCCESSFUL -> {
                if (test.isTest()) {
                    passed++;
                    record(name, Outcome.PASSED, took, null);
                }
            }
            case ABORTED -> {
                String reason = result.getThrowable().map(FailedTests::messageOf).orElse("aborted");
                record(name, Outcome.SKIPPED, took, reason);
                skips.add(name + ": " + reason);
            }
            case FAILED -> {
                Throwable error = result.getThrowable()
                        .orElseGet(() -> new IllegalStateException("failed without an exception"));
                record(name, outcomeOf(error), took, FailedTests.messageOf(error));
                failures.add(new FailedTests.Failed(name, error));
            }
        }
        stopIfAsked();
    }

    @Override
    public void reportingEntryPublished(TestIdentifier test, ReportEntry entry) {
        String name = running.stream().filter(started -> started.is(test)).findFirst().map(Started::name)
                .orElseGet(test::getDisplayName);
        entry.getKeyValuePairs().forEach((key, value) ->
                record(name + " > " + key, Outcome.PASSED, Duration.ZERO, value));
    }

    /**
     * Ends the scenario as its tests ended: throws when a test failed (an {@link AssertionError} when every failure
     * was one), {@link ScenarioSkippedException} when none passed, and returns when at least one passed.
     */
    void verdict() {
        if (!failures.isEmpty()) {
            FailedTests.raise(failures);
        }
        if (passed == 0) {
            throw new ScenarioSkippedException(skips.isEmpty() ? "no test ran" : "no test passed: " + skips.get(0)
                    + (skips.size() > 1 ? " (and " + (skips.size() - 1) + " more skipped)" : ""));
        }
    }

    /**
     * Stops the execution once the scenario is cancelled or out of time (again at every test: an interrupt only
     * reaches the running one).
     */
    private boolean stopIfAsked() {
        if (!stopping && context.isCancelled()) {
            stopping = true;
        }
        if (stopping) {
            stop.run();
        }
        return stopping;
    }

    private void record(String name, Outcome outcome, Duration took, @Nullable String message) {
        context.recordStep(new StepResult(name, outcome, took, message));
    }

    /** Takes {@code test} off the stack of running nodes (it is on top, unless a listener saw events out of order). */
    private Started finished(TestIdentifier test) {
        Started top = running.peek();
        if (top != null && top.is(test)) {
            return running.pop();
        }
        Started started = running.stream().filter(candidate -> candidate.is(test)).findFirst()
                .orElseGet(() -> new Started(test, test.getDisplayName(), System.nanoTime()));
        running.remove(started);
        return started;
    }

    private static Outcome outcomeOf(Throwable error) {
        if (error instanceof AssertionError) {
            return Outcome.FAILED;
        }
        return error instanceof TimeoutException ? Outcome.TIMED_OUT : Outcome.ERRORED;
    }

    /**
     * The step name of a node that starts (or is skipped) below the running ones: the display names from below the
     * test class down to the node, such as {@code adds(int, int) > [1] 1, 2}; the engine and the test class are named
     * by their own display name.
     */
    private String nameBelowRunning(TestIdentifier test) {
        Started parent = running.peek();
        boolean belowAClassChild = running.size() > 2 && parent != null;
        return belowAClassChild ? parent.name() + " > " + test.getDisplayName() : test.getDisplayName();
    }

    /** A node that started: its step name and when it started. */
    private record Started(TestIdentifier test, String name, long nanos) {
        boolean is(TestIdentifier other) {
            return test == other || test.equals(other);
        }
    }
}
