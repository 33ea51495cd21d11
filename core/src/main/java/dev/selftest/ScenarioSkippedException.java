package dev.selftest;

import org.apiguardian.api.API;

/** Thrown by a scenario body that cannot apply here (a missing precondition): the result is {@code SKIPPED}. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class ScenarioSkippedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ScenarioSkippedException(String reason) {
        super(reason);
    }
}
