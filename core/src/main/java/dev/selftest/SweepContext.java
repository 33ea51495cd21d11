package dev.selftest;

import java.util.Set;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * What a {@link Sweeper} needs to tell leftovers from live test data. The runs in progress are asked afresh on
 * every call: list the candidates first and ask about each afterwards, so a run that starts meanwhile, and the
 * data it creates, count as live.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SweepContext {
    private final Supplier<Set<String>> runningRunIds;

    /** @param runningRunIds the ids of the runs in progress at the moment it is asked */
    public SweepContext(Supplier<Set<String>> runningRunIds) {
        this.runningRunIds = runningRunIds;
    }

    /** The runs in progress now: their test data is still in use. */
    public Set<String> runningRunIds() {
        return Set.copyOf(runningRunIds.get());
    }

    /** True for a test-data name (see {@link ScenarioContext#testDataName}) whose run is not running now. */
    public boolean isLeftover(String name) {
        if (!name.startsWith(Sweeper.TEST_DATA_PREFIX)) {
            return false;
        }
        String rest = name.substring(Sweeper.TEST_DATA_PREFIX.length());
        return runningRunIds.get().stream().noneMatch(runId -> rest.startsWith(runId + "-"));
    }
}
