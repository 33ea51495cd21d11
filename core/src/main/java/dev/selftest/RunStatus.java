package dev.selftest;

import org.apiguardian.api.API;

/** Where a run stands; the last three are final verdicts. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum RunStatus {
    RUNNING, PASSED, FAILED, CANCELLED;

    public boolean isFinished() {
        return this != RUNNING;
    }
}
