package dev.selftest;

import java.util.Set;
import org.apiguardian.api.API;

/**
 * What a {@link Sweeper} needs to tell leftovers from live test data.
 *
 * @param runningRunIds runs in progress: their test data is still in use
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record SweepContext(Set<String> runningRunIds) {
    public SweepContext {
        runningRunIds = Set.copyOf(runningRunIds);
    }

    /** True for a test-data name (see {@link ScenarioContext#testDataName}) whose run is no longer running. */
    public boolean isLeftover(String name) {
        if (!name.startsWith(Sweeper.TEST_DATA_PREFIX)) {
            return false;
        }
        String rest = name.substring(Sweeper.TEST_DATA_PREFIX.length());
        return runningRunIds.stream().noneMatch(runId -> rest.startsWith(runId + "-"));
    }
}
