package dev.selftest.cleanup;

import dev.selftest.SweepResult;
import java.util.List;
import org.apiguardian.api.API;

/**
 * What a cleanup pass did: tracked resources removed from the journal, those still pending, and each sweeper.
 *
 * @param removed resources removed by replaying the journal in this pass
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record CleanupReport(int removed, List<PendingCleanup> pending, List<SweepResult> sweepers) {
    public CleanupReport {
        pending = List.copyOf(pending);
        sweepers = List.copyOf(sweepers);
    }

    /** True when nothing is pending and every sweeper succeeded. */
    public boolean clean() {
        return pending.isEmpty() && sweepers.stream().allMatch(SweepResult::succeeded);
    }
}
