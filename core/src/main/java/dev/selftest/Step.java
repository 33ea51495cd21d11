package dev.selftest;

import org.apiguardian.api.API;

/** One named part of a scenario, reported on its own. See {@link ScenarioContext#step}. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface Step {
    void run() throws Exception;
}
