package dev.selftest;

import org.apiguardian.api.API;

/** How one scenario execution (or step) ended. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum Outcome {
    /** The body returned. */
    PASSED,
    /** The body threw an {@link AssertionError}: the application does not behave as checked. */
    FAILED,
    /** The body threw anything else, or its cleanup failed. */
    ERRORED,
    /** The body did not finish within its timeout. */
    TIMED_OUT,
    /** The body did not apply here ({@link ScenarioSkippedException}, or a JUnit assumption). */
    SKIPPED,
    /** The run was cancelled before or while the scenario ran. */
    CANCELLED;

    /** True for the outcomes that make a run fail. */
    public boolean isFailure() {
        return this == FAILED || this == ERRORED || this == TIMED_OUT;
    }
}
