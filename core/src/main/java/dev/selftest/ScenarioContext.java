package dev.selftest;

import dev.selftest.internal.run.CurrentContext;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apiguardian.api.API;

/**
 * What a running scenario gets from Selftest: who it is, where it runs, and how to clean up after itself.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface ScenarioContext {

    /** The id of the run this execution belongs to. */
    String runId();

    /** The id of the scenario being executed. */
    String scenarioId();

    /** Why the run was started. */
    Trigger trigger();

    /** The environment the application runs in, with its per-environment test data. */
    Environment environment();

    /**
     * Runs a named step and records it in the result. A step that throws ends the scenario with its failure.
     */
    default void step(String name, Step step) throws Exception {
        Objects.requireNonNull(name, "step name");
        long start = System.nanoTime();
        try {
            step.run();
            recordStep(new StepResult(name, Outcome.PASSED, Duration.ofNanos(System.nanoTime() - start), null));
        } catch (AssertionError | Exception e) {
            String message = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getName()
                    : e.getMessage();
            recordStep(new StepResult(name, e instanceof AssertionError ? Outcome.FAILED : Outcome.ERRORED,
                    Duration.ofNanos(System.nanoTime() - start), message));
            throw e;
        }
    }

    /**
     * Records a step that ran under another framework's control, such as one JUnit test of a bridged test class.
     * A failed step is only reported: what the scenario's outcome is stays the body's decision.
     */
    void recordStep(StepResult step);

    /**
     * Registers an action that removes what the scenario created. Actions run after the body in reverse order
     * of registration, always: after success, failure, timeout and cancellation. A failing action is reported.
     */
    void cleanup(String description, CleanupAction action);

    /**
     * Registers durable cleanup of a created resource, such as {@code track("order", "42")}: the intent is written
     * to the cleanup journal before this returns, the type's {@link dev.selftest.cleanup.CleanupHandler} removes it
     * after the body (like {@link #cleanup}), and if the service crashes first it is removed after the restart.
     *
     * @throws IllegalArgumentException when no handler is registered for {@code type}
     */
    void track(String type, String id);

    /**
     * A unique name for test data that carries the run id, such as {@code selftest-r1a2b3-customer-1}, so that
     * leftovers can always be recognised and swept.
     */
    String testDataName(String label);

    /** The registry to record functional KPIs in (orders placed, checkout latency, ...). */
    MeterRegistry kpis();

    /** True once the run was cancelled or the scenario's timeout passed; long loops should stop then. */
    boolean isCancelled();

    /**
     * Creates a fixture for this scenario, reported as the step {@code fixture <name>}; what it creates is torn
     * down with the scenario's cleanup.
     */
    default <T> T use(Fixture<T> fixture) throws Exception {
        AtomicReference<T> created = new AtomicReference<>();
        step("fixture " + fixture.name(), () -> created.set(fixture.create(this)));
        return created.get();
    }

    /** The context of the scenario running on the calling thread, if any (used by integrations such as JUnit). */
    static Optional<ScenarioContext> current() {
        return CurrentContext.get();
    }
}
