package dev.selftest;

import java.util.Map;
import org.apiguardian.api.API;

/**
 * Puts the application into a named state for a contract test (a Pact provider state such as
 * {@code "an order 42 exists"}). Everything it creates must be registered with the context's
 * {@link ScenarioContext#cleanup cleanup} or {@link ScenarioContext#track track}: teardown runs exactly that.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface ProviderStateHandler {

    /**
     * Sets the state up.
     *
     * @param params  the state's parameters from the pact
     * @param context cleanup, tracking, test-data names and environment data, as in a scenario
     * @return values to inject into the interaction (generated ids, ...); may be empty
     */
    Map<String, Object> setUp(Map<String, Object> params, ScenarioContext context) throws Exception;
}
