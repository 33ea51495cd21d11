package dev.selftest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * How one scenario ended within a run.
 *
 * @param failure why it did not pass (also the reason of a skip or cancellation); null when it passed
 * @param cleanup every cleanup action that ran, in the order it ran (reverse of registration)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ScenarioResult(String scenarioId, Outcome outcome, Instant startedAt, Duration duration,
                             @Nullable Failure failure, List<StepResult> steps, List<CleanupResult> cleanup) {
    public ScenarioResult {
        steps = List.copyOf(steps);
        cleanup = List.copyOf(cleanup);
    }

    /** True when every cleanup action completed. */
    public boolean cleanedUp() {
        return cleanup.stream().allMatch(CleanupResult::cleaned);
    }
}
