package dev.selftest;

import org.apiguardian.api.API;

/** Removes something a scenario created. Registered with {@link ScenarioContext#cleanup}. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface CleanupAction {
    void run() throws Exception;
}
