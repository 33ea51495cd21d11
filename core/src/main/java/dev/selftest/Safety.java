package dev.selftest;

import org.apiguardian.api.API;

/**
 * What running a scenario may do to the application it runs in. The environment decides what may run.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum Safety {
    /** Reads only: no side effects at all. Safe everywhere. */
    READ_ONLY,
    /** Creates test data and removes all of it through cleanup. */
    SELF_CLEANING,
    /** Changes shared state. Never runs in production. */
    DESTRUCTIVE
}
