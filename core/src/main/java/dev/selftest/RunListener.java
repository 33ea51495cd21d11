package dev.selftest;

import org.apiguardian.api.API;

/**
 * Hears what happens in runs: for progress streams, metrics and notifications. Methods are called on the run's
 * own thread, in order; they must return quickly. A listener that throws is logged and skipped.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface RunListener {

    default void runStarted(Run run) {
    }

    default void scenarioStarted(Run run, Scenario scenario) {
    }

    default void scenarioFinished(Run run, Scenario scenario, ScenarioResult result) {
    }

    default void runFinished(Run run) {
    }
}
