package dev.selftest.cleanup;

import java.time.Instant;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A tracked resource that still has to be removed.
 *
 * @param entryId    unique id of this entry
 * @param type       the resource type, naming its {@link CleanupHandler}
 * @param resourceId the resource's id, as the handler understands it
 * @param runId      the run that created it
 * @param scenarioId the scenario that created it
 * @param trackedAt  when it was tracked
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record JournalEntry(String entryId, String type, String resourceId, String runId, String scenarioId,
                           Instant trackedAt) {
    public JournalEntry {
        Objects.requireNonNull(entryId, "entryId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(scenarioId, "scenarioId");
        Objects.requireNonNull(trackedAt, "trackedAt");
    }
}
