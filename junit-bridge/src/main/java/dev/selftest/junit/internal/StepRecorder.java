package dev.selftest.junit.internal;

import dev.selftest.Outcome;
import dev.selftest.ScenarioContext;
import dev.selftest.ScenarioSkippedException;
import dev.selftest.StepResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Listens to one bridged execution on the scenario's thread: records every test (and every failed or skipped
 * container, and every {@code TestReporter} entry) as a step of the scenario, stops the execution once the scenario
 * is cancelled or out of time, and finally decides how the scenario ends.
 */
final class StepRecorder implements TestExecutionListener {
    private final ScenarioContext context;
    private final long deadlineNanos;
    private final Map<String, Long> startNanos = new HashMap<>();
    private final List<FailedTests.Failed> failures = new ArrayList<>();
    private final List<String> skips = new ArrayList<>();
    private Runnable stop = () -> { };
    private @Nullable TestPlan plan;
    private boolean stopping;
    private int passed;

    StepRecorder(ScenarioContext context, long deadlineNanos) {
        this.context = context;
        this.deadlineNanos = deadlineNanos;
    }

    /** How to stop the execution: cancel its token (JUnit 6) or interrupt the thread (JUnit 5). */
    void stopWith(Runnable stop) {
        this.stop = stop;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        this.plan = testPlan;
    }

    @Override
    public void executionStarted(TestIdentifier test) {
        startNanos.put(test.getUniqueId(), System.nanoTime());
        stopIfAsked();
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        boolean cancelled = stopIfAsked();
        record(test, cancelled ? Outcome.CANCELLED : Outcome.SKIPPED, Duration.ZERO, reason);
        skips.add(name(test) + ": " + reason);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        Long start = startNanos.remove(test.getUniqueId());
        Duration took = start == null ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - start);
        switch (result.getStatus()) {
            case SUCCESSFUL -> {
                if (test.isTest()) {
                    passed++;
                    record(test, Outcome.PASSED, took, null);
                }
            }
            case ABORTED -> {
                String reason = result.getThrowable().map(FailedTests::messageOf).orElse("aborted");
                record(test, Outcome.SKIPPED, took, reason);
                skips.add(name(test) + ": " + reason);
            }
            case FAILED -> {
                Throwable error = result.getThrowable()
                        .orElseGet(() -> new IllegalStateException("failed without an exception"));
                record(test, outcomeOf(error), took, FailedTests.messageOf(error));
                failures.add(new FailedTests.Failed(name(test), error));
                if (error instanceof InterruptedException || error.getCause() instanceof InterruptedException) {
                    stopping = true;
                }
            }
        }
        stopIfAsked();
    }

    @Override
    public void reportingEntryPublished(TestIdentifier test, ReportEntry entry) {
        entry.getKeyValuePairs().forEach((key, value) ->
                context.recordStep(new StepResult(name(test) + " > " + key, Outcome.PASSED, Duration.ZERO, value)));
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

    /** Stops the execution once asked to (again at every test: an interrupt only reaches the running one). */
    private boolean stopIfAsked() {
        if (!stopping && (context.isCancelled() || System.nanoTime() - deadlineNanos > 0)) {
            stopping = true;
        }
        if (stopping) {
            stop.run();
        }
        return stopping;
    }

    private void record(TestIdentifier test, Outcome outcome, Duration took, @Nullable String message) {
        context.recordStep(new StepResult(name(test), outcome, took, message));
    }

    private static Outcome outcomeOf(Throwable error) {
        if (error instanceof AssertionError) {
            return Outcome.FAILED;
        }
        return error instanceof TimeoutException ? Outcome.TIMED_OUT : Outcome.ERRORED;
    }

    /**
     * The display names from below the test class down to the test, such as {@code adds(int, int) > [1] 1, 2}; the
     * display name of the class (or engine) itself.
     */
    private String name(TestIdentifier test) {
        if (plan == null) {
            return test.getDisplayName();
        }
        List<String> path = new ArrayList<>();
        TestIdentifier node = test;
        while (true) {
            TestIdentifier parent = plan.getParent(node).orElse(null);
            if (parent == null || plan.getParent(parent).isEmpty()) {
                break;
            }
            path.add(0, node.getDisplayName());
            node = parent;
        }
        return path.isEmpty() ? test.getDisplayName() : String.join(" > ", path);
    }
}
