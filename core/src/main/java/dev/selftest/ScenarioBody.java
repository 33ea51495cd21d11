package dev.selftest;

import org.apiguardian.api.API;

/**
 * The code of a scenario. It passes when it returns, fails when it throws an {@link AssertionError},
 * and errors when it throws anything else.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface ScenarioBody {
    void run(ScenarioContext context) throws Exception;
}
